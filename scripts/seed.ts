// npm run seed: loads the demo network into the configured database (idempotent).
import { connectDatabase, disconnectDatabase } from '../src/lib/server/db/connection';
import { printDemoLogins, seedDemoNetwork } from '../src/lib/server/seed';
import { bumpGeneration } from '../src/lib/server/search/sync';

await connectDatabase();
try {
	printDemoLogins(await seedDemoNetwork());
	// Running servers index what the seed wrote straight into the database.
	await bumpGeneration();
} finally {
	await disconnectDatabase();
}
