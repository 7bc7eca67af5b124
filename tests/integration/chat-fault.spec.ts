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

	/**
	 * Streams `total` messages from Anna to a cohort channel that Jonas reads; after `faultAfter`
	 * of them `cut` breaks something and `restore` brings it back while the stream keeps sending.
	 * Every message is acknowledged in the end and each reader holds each one once, in order.
	 */
	async function streamThroughFault(
		app: { url: string },
		uri: string,
		name: string,
		cut: () => Promise<unknown> | void,
		restore: () => Promise<unknown>
	) {
		const channelId = await cohortChannel(uri, 'durchgang-1-');
		const { sender, sockets, mirrors } = await senderAndReader(app, channelId);
		cleanups.push(async () => sockets.forEach((s) => s.close()));
		let restored: Promise<unknown> = Promise.resolve();
		const stats = { refused: 0, noAnswer: 0 };
		const prefix = `${name}-${Date.now().toString(36)}`;
		const acked = await sendStream(
			sender,
			channelId,
			total,
			prefix,
			async (i) => {
				if (i !== faultAfter) return;
				await cut();
				restored = restore();
			},
			stats
		);
		await restored;
		expect(acked).toHaveLength(total);
		await expectComplete(mirrors, acked, uri, channelId);
		return stats;
	}

	it('keeps every acknowledged message once and in order when the app is killed (SIGKILL) and restarted', async () => {
		const uri = databaseUri(`chatfault_app_${Date.now()}`);
		let app = await startApp({ ...env, MONGODB_URI: uri });
		cleanups.push(() => app.stop('SIGKILL'));
		const stats = await streamThroughFault(
			app,
			uri,
			'kill',
			// Killed in the middle of the stream: the next sends are in flight meanwhile.
			() => {
				app.process.kill('SIGKILL');
			},
			async () => {
				await app.stop('SIGKILL');
				app = await startApp({ ...env, MONGODB_URI: uri }, { port: app.port });
			}
		);
		expect(stats.noAnswer).toBeGreaterThan(0); // the kill really cut sends off
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
		const stats = await streamThroughFault(
			app,
			database.uri,
			'db',
			() => database.stop(),
			// Back after a while; meanwhile the stream keeps trying against the missing database.
			async () => {
				await new Promise((r) => setTimeout(r, 4000));
				database = await startEmbeddedDatabase({ dataDir, port: database.port });
			}
		);
		// While the database was away sends got an error acknowledgement (or none), never a fake ok.
		expect(stats.refused + stats.noAnswer).toBeGreaterThan(0);
		expect(app.process.exitCode).toBeNull();
	});
});
