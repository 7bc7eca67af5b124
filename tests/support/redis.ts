import { spawn, type ChildProcess } from 'node:child_process';
import { expect, vi } from 'vitest';
import { freePort } from '../../src/lib/server/db/embedded';
import { startApp, type RunningApp } from './app';

/** A throw-away Redis on loopback (no persistence); its URL for REDIS_URL. */
export async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
	const port = await freePort();
	const process = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' }
	);
	return { url: `redis://127.0.0.1:${port}`, process };
}

/**
 * Two app instances on one database joined by Redis; the first seeds the demo network. Resolves
 * once both report `ready` in their log (LOG_LEVEL info).
 */
export async function startTwoInstances(
	env: Record<string, string>,
	ready: string
): Promise<[RunningApp, RunningApp]> {
	const first = await startApp({ ...env, LOG_LEVEL: 'info', SEED_DEMO: 'always' });
	const second = await startApp({ ...env, LOG_LEVEL: 'info', SEED_DEMO: 'never' });
	// Outside a test expect.poll is not available; vi.waitFor retries the same way.
	for (const app of [first, second])
		await vi.waitFor(() => expect(app.output()).toContain(ready), { timeout: 20_000 });
	return [first, second];
}
