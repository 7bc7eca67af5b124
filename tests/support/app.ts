import { spawn } from 'node:child_process';
import path from 'node:path';
import { startBuiltApp, type BuiltApp } from '../../scripts/lib/built-app';
import { tempDir } from './temp';

export type RunningApp = BuiltApp;

const entry = path.resolve('server/index.js');

/** Starts the built production server (build/ must exist: npm test builds before vitest). */
export function startApp(
	env: Record<string, string | undefined>,
	options: { port?: number } = {}
): Promise<RunningApp> {
	return startBuiltApp({
		dataDir: env.DATA_DIR ?? tempDir('app'),
		port: options.port,
		env: {
			LOGIN_THROTTLE: 'off',
			// `CACHE=off npm test` runs the whole suite with every read cache switched off.
			CACHE: process.env.CACHE,
			...env
		}
	});
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
