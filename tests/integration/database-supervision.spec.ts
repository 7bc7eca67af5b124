import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { cohortChannel, expectComplete, sendStream, senderAndReader } from '../support/chat';

/** The app's own embedded database as its log announces it (pid and port), latest first. */
function embeddedDatabase(app: RunningApp) {
	const lines = app
		.output()
		.split('\n')
		.filter((l) => l.startsWith('{') && l.includes('"Embedded database'))
		.map((l) => JSON.parse(l) as { msg: string; pid?: number; port?: number });
	const started = lines.find((l) => l.msg === 'Embedded database started');
	const latest = lines.filter((l) => l.pid).at(-1);
	if (!started?.port || !latest?.pid) throw new Error(`no embedded database in the log`);
	return {
		port: started.port,
		pid: latest.pid,
		uri: `mongodb://127.0.0.1:${started.port}/netzwerk`
	};
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== null) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

const statusOf = async (app: RunningApp, path: string) => {
	const res = await fetch(app.url + path);
	return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

/** Holds a loopback port as soon as it is free, as another program taking it would. */
const occupy = (port: number) =>
	until('the port to be free', async () => {
		// It hangs up on whoever connects (the app's database driver keeps trying).
		const server = createServer((connection) => connection.destroy());
		return new Promise<Server | null>((resolve) => {
			server.once('error', () => resolve(null));
			server.listen(port, '127.0.0.1', () => resolve(server));
		});
	});

describe('the embedded database is supervised', () => {
	const apps: RunningApp[] = [];
	afterAll(async () => {
		for (const app of apps) await app.stop('SIGKILL');
	});

	// No MONGODB_URI: the app starts its own embedded database, as `npm start` does.
	const start = async (env: Record<string, string> = {}) => {
		const app = await startApp({ SEED_DEMO: 'always', LOG_LEVEL: 'info', ...env });
		apps.push(app);
		return app;
	};

	it('is restarted after SIGKILL under a sending client: nothing acknowledged is lost or doubled, /readyz recovers by itself', async () => {
		const app = await start({ CHAT_RATE_LIMIT: 'off' });
		const database = embeddedDatabase(app);
		const channelId = await cohortChannel(database.uri, 'durchgang-1-');
		const { sender, sockets, mirrors } = await senderAndReader(app, channelId);

		const readiness: string[] = [];
		let watching: Promise<unknown> = Promise.resolve();
		const acked = await sendStream(sender, channelId, 30, `dbkill-${Date.now()}`, (i) => {
			if (i !== 10) return;
			process.kill(database.pid, 'SIGKILL');
			// /readyz says why while the database is down, and turns ready again by itself.
			watching = until('/readyz to recover', async () => {
				const { status, body } = await statusOf(app, '/readyz');
				if (status !== 200) readiness.push(body.reason ?? body.status);
				return status === 200 ? status : null;
			});
		});
		await watching;
		expect(readiness.some((r) => r.includes('stopped unexpectedly'))).toBe(true);
		expect(embeddedDatabase(app).pid).not.toBe(database.pid);
		const restarted = app
			.output()
			.split('\n')
			.find((l) => l.includes('"Embedded database restarted"'));
		expect(restarted).toBeDefined();
		console.log(`embedded database back after ${JSON.parse(restarted!).downMs} ms`);
		await expectComplete(mirrors, acked, database.uri, channelId);
		for (const s of sockets) s.close();
		expect((await statusOf(app, '/healthz')).status).toBe(200);
	}, 90_000);

	it('when it cannot be restarted, /readyz says why and /healthz fails after the set time; both recover once it can', async () => {
		const app = await start({ EMBEDDED_DB_RESTART_LIMIT: '2' });
		const database = embeddedDatabase(app);
		process.kill(database.pid, 'SIGKILL');
		const squatter = await occupy(database.port);

		const notReady = await until('/readyz to name the cause', async () => {
			const { body } = await statusOf(app, '/readyz');
			return body.reason?.includes('cannot be restarted') ? body.reason : null;
		});
		expect(notReady).toMatch(/address already in use/);
		const failing = await until('/healthz to fail', async () => {
			const health = await statusOf(app, '/healthz');
			return health.status === 503 ? health.body : null;
		});
		expect(failing.reason).toMatch(/cannot be restarted/);

		await new Promise<void>((resolve) => squatter.close(() => resolve()));
		await until('/readyz to recover', async () =>
			(await statusOf(app, '/readyz')).status === 200 ? true : null
		);
		expect((await statusOf(app, '/healthz')).status).toBe(200);
		expect(app.process.exitCode).toBeNull();
	}, 90_000);
});
