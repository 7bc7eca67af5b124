import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { startApp, type RunningApp } from '../support/app';
import { tempDir } from '../support/temp';

/** The status of a page, polled until it is the expected one (0 while nothing answers). */
const statusOf = (url: string) => () =>
	fetch(url).then(
		(r) => r.status,
		() => 0
	);
const eventually = { timeout: 30_000, interval: 200 };

describe('database outage under a running app', () => {
	const dataDir = tempDir('outage');
	let database: EmbeddedDatabase;
	let app: RunningApp;

	afterAll(async () => {
		await app?.stop();
		await database?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('answers /readyz 503 while the database is stopped and 200 again after it returns, without a restart', async () => {
		database = await startEmbeddedDatabase({ dataDir });
		app = await startApp({ MONGODB_URI: database.uri, SEED_DEMO: 'always' });
		await expect.poll(statusOf(`${app.url}/readyz`), eventually).toBe(200);

		await database.stop();
		await expect.poll(statusOf(`${app.url}/readyz`), eventually).toBe(503);
		const body = await fetch(`${app.url}/readyz`).then((r) => r.json());
		expect(body.reason).toMatch(/database/);
		// Pages that need the database answer 503, not a crash; health stays green.
		await expect.poll(statusOf(`${app.url}/login`), eventually).toBe(503);
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

		database = await startEmbeddedDatabase({ dataDir, port: database.port });
		await expect.poll(statusOf(`${app.url}/readyz`), eventually).toBe(200);
		await expect.poll(statusOf(`${app.url}/login`), eventually).toBe(200);
		expect(app.process.exitCode).toBeNull();
		expect(app.output()).toContain('waiting for the database');
	}, 120_000); // four waits of up to 30 s each, on a busy machine
});
