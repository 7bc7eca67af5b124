import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, startApp } from '../support/app';
import { connected, disconnected, openSocket } from '../support/socket';

/** Processes of the embedded database serving the given data folder. */
function embeddedDatabasesFor(dataDir: string): string[] {
	try {
		return execFileSync('pgrep', ['-f', `embedded-db -dir ${dataDir}`])
			.toString()
			.trim()
			.split('\n')
			.filter(Boolean);
	} catch {
		return []; // pgrep exits 1 when nothing matches
	}
}

describe('process lifecycle on the embedded database', () => {
	it('SIGTERM closes sockets, stops the embedded database and exits 0', async () => {
		const app = await startApp({ MONGODB_URI: undefined });
		const cookie = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
		const socket = await connected(openSocket(app.url, { cookie }));
		const closed = disconnected(socket, 10_000);
		const code = await app.stop('SIGTERM');
		expect(code).toBe(0);
		expect(await closed).toMatch(/io server disconnect|transport close/);
		expect(app.output()).toContain('Shutting down');
		await expect.poll(() => embeddedDatabasesFor(app.dataDir), { timeout: 10_000 }).toEqual([]);
	});

	it('SIGKILL of the app does not leave the embedded database running', async () => {
		const app = await startApp({ MONGODB_URI: undefined });
		expect(embeddedDatabasesFor(app.dataDir)).toHaveLength(1);
		await app.stop('SIGKILL');
		await expect.poll(() => embeddedDatabasesFor(app.dataDir), { timeout: 10_000 }).toEqual([]);
	});
});
