// Shared pieces of the benchmarks: the built production server on a fresh embedded database,
// members and sessions created in bulk (no login round trips), percentiles and process RSS;
// beside the app a bare server for the baselines (load.ts).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { hashToken, generateToken } from '../src/lib/server/auth/tokens';
import { Member, Session } from '../src/lib/server/db/models';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/lib/server/db/embedded';
import { startBareServer, type BareServer } from './load';
import { startBuiltApp } from '../scripts/lib/built-app';
import { loopProbeNodeArgs } from './loop-delay-probe';

export { median, percentile } from './stats';

export interface BenchApp {
	url: string;
	pid: number;
	mongoUri: string;
	baselineRssMB: number;
	/** The embedded database's process, when the bench started one (not with MONGODB_URI). */
	databasePid?: number;
	/** The server (with the event-loop probe, see loop-delay-probe.ts). */
	process: ChildProcess;
	/** The bare baseline beside the app (see load.ts). */
	bare: BareServer;
	/**
	 * Stops the server and starts it again on the same database, as after data written past
	 * the app (a seed straight into the database): its caches and indexes start from the data.
	 */
	restart(): Promise<void>;
	stop(): Promise<void>;
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function sampleRss(pid: number): Promise<number> {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

/**
 * CPU time a process has used so far in ms (user + system, from /proc): the work a request
 * costs, which unlike its wall time does not grow with what else the machine is doing.
 */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which may itself contain spaces and parentheses.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const ticks = Number(fields[11]) + Number(fields[12]);
	return (ticks * 1000) / clockTicksPerSecond;
}
// Linux reports /proc times in USER_HZ, 100 on every architecture Node runs on.
const clockTicksPerSecond = 100;

function ensureBuilt() {
	if (!existsSync('build/handler.js')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
}

/** Starts the embedded database and the production server; connects this process's mongoose. */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
	ensureBuilt();
	const dataDir = mkdtempSync(path.join(tmpdir(), 'netzwerk-bench-'));
	let database: EmbeddedDatabase | undefined;
	let mongoUri = process.env.MONGODB_URI;
	if (!mongoUri) {
		database = await startEmbeddedDatabase({ dataDir: path.join(dataDir, 'db') });
		mongoUri = database.uri;
	} else {
		const url = new URL(mongoUri);
		url.pathname = `/bench_${Date.now()}`;
		mongoUri = url.toString();
	}
	// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops.
	const profile = process.env.BENCH_CPU_PROF;
	const profileArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
	// BENCH_SERVER_NODE_ARGS="--trace-gc": more flags for the server's node, space-separated.
	const extraArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const start = () =>
		startBuiltApp({
			dataDir,
			nodeArgs: [...loopProbeNodeArgs, ...profileArgs, ...extraArgs],
			ipc: true,
			readyPath: '/readyz',
			output: 'inherit',
			startTimeoutMs: 60_000,
			env: {
				MONGODB_URI: mongoUri,
				SEED_DEMO: 'always',
				LOG_LEVEL: 'error',
				LOGIN_THROTTLE: 'off',
				SOCKET_CONNECT_LIMIT: 'off',
				...env
			}
		});
	let server = await start();
	await mongoose.connect(mongoUri);
	const bare = await startBareServer();
	return {
		get url() {
			return server.url;
		},
		get pid() {
			return server.process.pid!;
		},
		get process() {
			return server.process;
		},
		databasePid: database?.process.pid,
		mongoUri,
		baselineRssMB: await sampleRss(server.process.pid!),
		bare,
		async restart() {
			await server.stop();
			server = await start();
		},
		async stop() {
			await bare.stop();
			await mongoose.disconnect();
			await server.stop();
			await database?.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Creates `n` alumni (in the given cohort, if any) and a session for each, straight in the
 * database; returns their cookies and member ids.
 */
export async function benchMembers(
	n: number,
	cohortId?: string
): Promise<{ cookie: string; memberId: string }[]> {
	const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$bench$bench'; // never used to log in
	const run = Date.now().toString(36);
	const docs = Array.from({ length: n }, (_, i) => ({
		_id: new Types.ObjectId(),
		email: `bench-${run}-${i}@bench.example`,
		displayName: `Bench ${i}`,
		handle: `bench.${run}.${i}`,
		sortName: `bench ${i}`,
		passwordHash,
		roles: ['alumni'],
		cohortIds: cohortId ? [new Types.ObjectId(cohortId)] : []
	}));
	for (let i = 0; i < docs.length; i += 1000) await Member.insertMany(docs.slice(i, i + 1000));
	const now = Date.now();
	const tokens = docs.map(() => generateToken());
	const sessions = docs.map((d, i) => ({
		_id: hashToken(tokens[i]!),
		memberId: d._id,
		expiresAt: new Date(now + 30 * 86400_000),
		lastUsedAt: new Date(now)
	}));
	for (let i = 0; i < sessions.length; i += 1000)
		await Session.insertMany(sessions.slice(i, i + 1000));
	return docs.map((d, i) => ({ cookie: `session=${tokens[i]}`, memberId: d._id.toString() }));
}

export async function sessionCookies(app: BenchApp, n: number): Promise<string[]> {
	void app;
	return (await benchMembers(n)).map((m) => m.cookie);
}
