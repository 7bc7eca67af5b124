// npm run seed: loads the demo network into the configured database (idempotent).
import { connectDatabase, disconnectDatabase } from '../src/lib/server/db/connection';
import { printDemoLogins, seedDemoNetwork } from '../src/lib/server/seed';

await connectDatabase();
try {
	printDemoLogins(await seedDemoNetwork());
} finally {
	await disconnectDatabase();
}
