import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that the app sends its mail to. Each received message is
 * written to E2E_MAIL_DIR, where tests (in other processes) read links from it.
 */
export default async function globalSetup() {
	const dir = process.env.E2E_MAIL_DIR!;
	mkdirSync(dir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const to = session.envelope.rcptTo.map((r) => r.address).join(',');
				const file = path.join(dir, `${Date.now()}-${++count}.eml`);
				writeFileSync(file, `X-Envelope-To: ${to}\r\n${Buffer.concat(chunks).toString('utf8')}`);
				callback();
			});
		}
	});
	await new Promise<void>((resolve) =>
		server.listen(Number(process.env.E2E_SMTP_PORT), '127.0.0.1', resolve)
	);
	return async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		// The run's folder (app data and mail, see playwright.config.ts) leaves nothing behind.
		rmSync(process.env.E2E_DATA_DIR!, { recursive: true, force: true });
	};
}
