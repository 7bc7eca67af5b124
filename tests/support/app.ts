import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/lib/server/db/embedded';
import { tempDir } from './temp';

export interface RunningApp {
	url: string;
	dataDir: string;
	port: number;
	process: ChildProcess;
	output: () => string;
	/** Sends a signal and waits for the process to exit; resolves to the exit code. */
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const entry = path.resolve('server/index.js');

/** Starts the built production server (build/ must exist: npm test builds before vitest). */
export async function startApp(
	env: Record<string, string | undefined>,
	options: { port?: number } = {}
): Promise<RunningApp> {
	if (!existsSync(path.resolve('build/handler.js')))
		throw new Error('build/ is missing: run "npx vite build" first');
	const port = options.port ?? (await freePort());
	const dataDir = env.DATA_DIR ?? tempDir('app');
	const child = spawn(process.execPath, [entry], {
		env: {
			PATH: process.env.PATH,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			LOG_LEVEL: 'warn',
			LOGIN_THROTTLE: 'off',
			// `CACHE=off npm test` runs the whole suite with every read cache switched off.
			CACHE: process.env.CACHE,
			...env,
			DATA_DIR: dataDir
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout!.on('data', collect);
	child.stderr!.on('data', collect);
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);

	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`app exited at start (${child.exitCode}):\n${output}`);
		try {
			const res = await fetch(`${url}/healthz`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`app did not become healthy within 60 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		url,
		dataDir,
		port,
		process: child,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
}

/** Runs the server entry to completion with the given environment (for start-up errors). */
export function runEntry(
	env: Record<string, string | undefined>,
	timeoutMs = 30_000
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [entry], {
			env: { PATH: process.env.PATH, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

/** Sends a form as a browser on the app's page does (same Origin, no redirects followed). */
export function postForm(
	app: { url: string },
	path: string,
	fields: Record<string, string | string[]>,
	options: { cookie?: string; origin?: string; headers?: Record<string, string> } = {}
): Promise<Response> {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields))
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	return fetch(app.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: options.origin ?? app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(options.cookie ? { cookie: options.cookie } : {}),
			...options.headers
		},
		body
	});
}

/** Signs in through the real login form and returns the session cookie ("session=..."). */
export async function login(
	app: { url: string },
	email: string,
	password: string
): Promise<string> {
	const res = await postForm(app, '/login', { email, password });
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (res.status !== 303 || !cookie) throw new Error(`login as ${email} failed: ${res.status}`);
	return cookie.split(';')[0]!;
}
