import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Launches the embedded MongoDB-wire server (FerretDB with SQLite storage, see embedded-db/).
 * Used only where MONGODB_URI is unset: local development, demo and tests.
 */

export const embeddedBinary = () =>
	process.env.EMBEDDED_DB_BIN ?? path.resolve('.cache', 'embedded-db', 'embedded-db');

export interface EmbeddedDatabase {
	uri: string;
	port: number;
	dataDir: string;
	process: ChildProcess;
	/** The end of what the database wrote to stderr (why it stopped, if it did). */
	errorOutput(): string;
	stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

export async function startEmbeddedDatabase(options: {
	dataDir: string;
	port?: number;
	database?: string;
}): Promise<EmbeddedDatabase> {
	const binary = embeddedBinary();
	if (!existsSync(binary)) {
		throw new Error(
			`The embedded database is not built yet (${binary} is missing). Run "npm run setup" once, or set MONGODB_URI.`
		);
	}
	const dataDir = path.resolve(options.dataDir);
	mkdirSync(dataDir, { recursive: true });
	const port = options.port ?? (await freePort());
	const child = spawn(
		binary,
		['-dir', dataDir, '-listen', `127.0.0.1:${port}`, '-exit-with-stdin'],
		{ stdio: ['pipe', 'pipe', 'pipe'] }
	);

	let stderr = '';
	child.stderr!.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString()).slice(-4000);
	});

	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`The embedded database did not start within 30 s. ${stderr.trim()}`));
		}, 30_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(
				new Error(
					`The embedded database stopped at start (exit code ${code}): ${stderr.trim() || 'no message'}`
				)
			);
		});
	});

	const database = options.database ?? 'netzwerk';
	return {
		uri: `mongodb://127.0.0.1:${port}/${database}`,
		port,
		dataDir,
		process: child,
		errorOutput: () => stderr.trim(),
		stop: () => stopChild(child)
	};
}

function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}
