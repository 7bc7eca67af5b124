import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { startApp, type RunningApp } from '../support/app';
import { tempDir } from '../support/temp';

async function waitForStatus(url: string, status: number, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	let last = 0;
	while (Date.now() < deadline) {
		last = await fetch(url).then(
			(r) => r.status,
			() => 0
		);
		if (last === status) return last;
		await new Promise((r) => setTimeout(r, 200));
	}
	return last;
}

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
		expect(await waitForStatus(`${app.url}/readyz`, 200)).toBe(200);

		await database.stop();
		expect(await waitForStatus(`${app.url}/readyz`, 503)).toBe(503);
		const body = await fetch(`${app.url}/readyz`).then((r) => r.json());
		expect(body.reason).toMatch(/database/);
		// Pages that need the database answer 503, not a crash; health stays green.
		expect(await waitForStatus(`${app.url}/login`, 503)).toBe(503);
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

		database = await startEmbeddedDatabase({ dataDir, port: database.port });
		expect(await waitForStatus(`${app.url}/readyz`, 200)).toBe(200);
		expect(await waitForStatus(`${app.url}/login`, 200)).toBe(200);
		expect(app.process.exitCode).toBeNull();
		expect(app.output()).toContain('waiting for the database');
	});
});
