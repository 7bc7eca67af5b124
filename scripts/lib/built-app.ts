import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../src/lib/server/db/embedded';

/**
 * The built production server (build/, started through server/index.js as `npm start` does),
 * on loopback and a free port, for the tests, the benchmarks and the screenshots.
 */
export interface BuiltApp {
	url: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** The last 20,000 characters the server wrote (empty when its output is not kept). */
	output: () => string;
	/** Sends a signal and waits for the process to exit; resolves to the exit code. */
	stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const entry = path.resolve('server/index.js');

export async function startBuiltApp(options: {
	dataDir: string;
	env?: Record<string, string | undefined>;
	port?: number;
	/** Keep the output for `output()` (the default), or pass it to this process's terminal. */
	output?: 'keep' | 'inherit';
	startTimeoutMs?: number;
	/** Node options before the entry: a preloaded module, `--cpu-prof`. */
	nodeArgs?: string[];
	/** Standard input as an IPC channel (the benchmarks' event-loop probe answers on it). */
	ipc?: boolean;
	/** The page that answers 200 once the app is up: `/healthz`, or `/readyz` (database too). */
	readyPath?: '/healthz' | '/readyz';
}): Promise<BuiltApp> {
	if (!existsSync(path.resolve('build/handler.js')))
		throw new Error('build/ is missing: run "npm run build" first');
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
		env: {
			PATH: process.env.PATH,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			LOG_LEVEL: 'warn',
			...options.env,
			DATA_DIR: options.dataDir
		},
		stdio: [
			options.ipc ? 'ipc' : 'ignore',
			options.output === 'inherit' ? 'inherit' : 'pipe',
			'pipe'
		]
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', collect);
	child.stderr!.on('data', (chunk: Buffer) => {
		collect(chunk);
		if (options.output === 'inherit') process.stderr.write(chunk);
	});
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);

	const timeoutMs = options.startTimeoutMs ?? 60_000;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`app exited at start (${child.exitCode}):\n${output}`);
		const healthy = await fetch(`${url}${options.readyPath ?? '/healthz'}`).then(
			(res) => res.ok,
			() => false // not listening yet
		);
		if (healthy) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`app did not become healthy within ${timeoutMs / 1000} s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}

	return {
		url,
		port,
		dataDir: options.dataDir,
		process: child,
		output: () => output,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		}
	};
}
