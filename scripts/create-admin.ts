// npm run create-admin -- --email a@b.de --name "Vorname Nachname"
// Creates the first admin of an empty network. The password comes from ADMIN_PASSWORD or is asked for.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectDatabase, disconnectDatabase } from '../src/lib/server/db/connection';
import * as members from '../src/lib/server/members';
import { email, password, requiredText } from '../src/lib/schemas/fields';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });

async function readPassword(): Promise<string> {
	if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	const answer = await rl.question('Passwort (mindestens 10 Zeichen): ');
	rl.close();
	return answer;
}

const input = z
	.object({ email, name: requiredText(100), password })
	.safeParse({ email: values.email, name: values.name, password: await readPassword() });
if (!input.success) {
	const issue = input.error.issues[0]!;
	console.error(`create-admin: ${String(issue.path[0])}: ${issue.message}`);
	console.error(
		'Usage: npm run create-admin -- --email admin@example.de --name "Vorname Nachname"'
	);
	process.exit(2);
}

await connectDatabase();
try {
	if (await members.anyAdminExists()) {
		console.error(
			'create-admin: an admin exists already; further admins are appointed in the app.'
		);
		process.exitCode = 1;
	} else {
		await members.createMember({
			email: input.data.email,
			displayName: input.data.name,
			password: input.data.password,
			roles: ['admin']
		});
		console.log(`Admin ${input.data.email} created.`);
	}
} finally {
	await disconnectDatabase();
}
