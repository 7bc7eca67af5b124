import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../src/lib/server/db/embedded';
import { runEntry } from '../support/app';
import { databaseUri } from '../support/db';

describe('start-up configuration errors', () => {
	it('names PORT when it is not a number', async () => {
		const { code, output } = await runEntry({ PORT: 'abc' });
		expect(code).toBe(1);
		expect(output.trim()).toMatch(/^Configuration error: PORT must be a whole number/);
	});

	it('names MONGODB_URI when it is malformed', async () => {
		const { code, output } = await runEntry({
			PORT: String(await freePort()),
			MONGODB_URI: 'postgres://nope'
		});
		expect(code).toBe(1);
		expect(output).toContain(
			'Configuration error: MONGODB_URI must look like mongodb://host:port/database'
		);
	});

	it('names ORIGIN when it is missing in production', async () => {
		const { code, output } = await runEntry({
			PORT: String(await freePort()),
			NODE_ENV: 'production',
			MONGODB_URI: databaseUri('startup')
		});
		expect(code).toBe(1);
		expect(output).toContain('Configuration error: ORIGIN is required in production');
	});

	it('says so when the port is taken', async () => {
		const blocker = createServer();
		const port = await new Promise<number>((resolve) =>
			blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port))
		);
		try {
			const { code, output } = await runEntry({
				PORT: String(port),
				MONGODB_URI: databaseUri('startup'),
				SEED_DEMO: 'never'
			});
			expect(code).toBe(1);
			expect(output).toContain(`Port ${port} is already in use`);
		} finally {
			blocker.close();
		}
	});

	it('says so when the database cannot be reached', async () => {
		const deadPort = await freePort();
		const { code, output } = await runEntry({
			PORT: String(await freePort()),
			MONGODB_URI: `mongodb://127.0.0.1:${deadPort}/x`
		});
		expect(code).toBe(1);
		expect(output).toMatch(/Start failed: .*(ECONNREFUSED|Server selection)/i);
	});
});
