import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { startApp } from '../support/app';
import { tempDir } from '../support/temp';
import { databaseUri } from '../support/db';
import { cohortChannel, expectComplete, sendStream, senderAndReader } from '../support/chat';

const total = 30;
const faultAfter = 10;
const env = { SEED_DEMO: 'always', CHAT_RATE_LIMIT: 'off' };

describe('delivery survives faults', () => {
	const cleanups: Array<() => Promise<unknown>> = [];
	afterAll(async () => {
		for (const c of cleanups.reverse()) await c().catch(() => undefined);
	});

	it('keeps every acknowledged message once and in order when the app is killed (SIGKILL) and restarted', async () => {
		const uri = databaseUri(`chatfault_app_${Date.now()}`);
		let app = await startApp({ ...env, MONGODB_URI: uri });
		cleanups.push(() => app.stop('SIGKILL'));
		const channelId = await cohortChannel(uri, 'durchgang-1-');
		const { sender, sockets, mirrors } = await senderAndReader(app, channelId);
		cleanups.push(async () => sockets.forEach((s) => s.close()));

		const prefix = `kill-${Date.now().toString(36)}`;
		let restarted: Promise<unknown> = Promise.resolve();
		const stats = { refused: 0, noAnswer: 0 };
		const acked = await sendStream(
			sender,
			channelId,
			total,
			prefix,
			(i) => {
				if (i !== faultAfter) return;
				// Killed in the middle of the stream: the next sends are in flight meanwhile.
				app.process.kill('SIGKILL');
				restarted = (async () => {
					await app.stop('SIGKILL');
					app = await startApp({ ...env, MONGODB_URI: uri }, { port: app.port });
				})();
			},
			stats
		);
		await restarted;
		expect(acked).toHaveLength(total);
		expect(stats.noAnswer).toBeGreaterThan(0); // the kill really cut sends off
		await expectComplete(mirrors, acked, uri, channelId);
	});

	it('keeps every acknowledged message once and in order when the database is stopped and restarted', async () => {
		const dataDir = tempDir('chatfault');
		let database: EmbeddedDatabase = await startEmbeddedDatabase({ dataDir });
		cleanups.push(async () => {
			await database.stop();
			rmSync(dataDir, { recursive: true, force: true });
		});
		const app = await startApp({ ...env, MONGODB_URI: database.uri });
		cleanups.push(() => app.stop());
		const channelId = await cohortChannel(database.uri, 'durchgang-1-');
		const { sender, sockets, mirrors } = await senderAndReader(app, channelId);
		cleanups.push(async () => sockets.forEach((s) => s.close()));

		const prefix = `db-${Date.now().toString(36)}`;
		let restarted: Promise<unknown> = Promise.resolve();
		const stats = { refused: 0, noAnswer: 0 };
		const acked = await sendStream(
			sender,
			channelId,
			total,
			prefix,
			async (i) => {
				if (i !== faultAfter) return;
				await database.stop();
				// Back after a while; meanwhile the stream keeps trying against the missing database.
				restarted = (async () => {
					await new Promise((r) => setTimeout(r, 4000));
					database = await startEmbeddedDatabase({ dataDir, port: database.port });
				})();
			},
			stats
		);
		await restarted;
		// While the database was away sends got an error acknowledgement (or none), never a fake ok.
		expect(stats.refused + stats.noAnswer).toBeGreaterThan(0);
		expect(acked).toHaveLength(total);
		await expectComplete(mirrors, acked, database.uri, channelId);
		expect(app.process.exitCode).toBeNull();
	});
});
