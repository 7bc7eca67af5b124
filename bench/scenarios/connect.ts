// Opens N authenticated sockets at a fixed rate against the production server and prints
// sockets reached, time to N, handshake percentiles, failures, server RSS, memory and CPU per
// socket and the server's event-loop delay, beside the same N sockets on the bare server
// (same Socket.IO settings, no session check). The sockets come from separate generator
// processes (connect-generator.ts) speaking the Engine.IO/Socket.IO framing directly.
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { GeneratorJob, GeneratorResult } from '../connect-generator';
import { formatBaseline } from '../load';
import { readLoopDelay, resetLoopDelay } from '../loop-delay-probe';
import { cpuMs, percentile, sampleRss, sessionCookies, startBenchApp } from '../support';

const sizes = (process.env.BENCH_CONNECT_SIZES ?? '10000').split(',').map(Number);
const rate = Number(process.env.BENCH_CONNECT_RATE ?? 500); // sockets per second
/**
 * The first handshake of a session reads it and its member from the database (two `_id`
 * lookups); every later one, like the socket a page opens right after rendering with the same
 * session, is a cache lookup. A cold pass first (as after a restart) opens sockets as fast as
 * the server answers, with this many handshakes in flight, and so caches the sessions for the
 * measured pass; it must end within the session cache's lifetime (five minutes) for that.
 */
const coldInFlight = Number(process.env.BENCH_CONNECT_COLD_IN_FLIGHT ?? 64);
const generatorCount = Number(process.env.BENCH_CONNECT_GENERATORS ?? 2);
const generatorEntry = path.join(import.meta.dirname, '..', 'connect-generator.ts');

interface Target {
	url: string;
	pid: number;
	process: ChildProcess;
	databasePid?: number;
}

function startGenerator(job: GeneratorJob) {
	const child = fork(generatorEntry, [], { execArgv: ['--import', 'tsx'] });
	const result = new Promise<GeneratorResult>((resolve, reject) => {
		child.on('message', (message: { progress?: unknown } & GeneratorResult) => {
			if (!message.progress) resolve(message);
		});
		child.once('exit', (code) => reject(new Error(`load generator ended with ${code}`)));
	});
	child.send(job);
	return {
		child,
		result,
		close: () => {
			child.send('close');
			return new Promise((resolve) => child.once('exit', resolve));
		}
	};
}

/** Opens one socket per cookie at `rate` from the generators; they stay open until `close()`. */
async function openSockets(target: Target, cookies: string[], rate: number, inFlight = Infinity) {
	const rssBefore = await sampleRss(target.pid);
	const cpuBefore = cpuMs(target.pid);
	const databaseCpuBefore = target.databasePid ? cpuMs(target.databasePid) : 0;
	resetLoopDelay(target.process);
	const generators = Array.from({ length: generatorCount }, (_, g) =>
		startGenerator({
			url: target.url,
			cookies: cookies.filter((_, i) => i % generatorCount === g),
			rate: rate / generatorCount,
			timeoutMs: 20_000,
			// Over IPC (JSON) Infinity would arrive as null.
			maxPending: Number.isFinite(inFlight) ? inFlight / generatorCount : undefined
		})
	);
	const results = await Promise.all(generators.map((g) => g.result));
	const loop = await readLoopDelay(target.process);
	const rssMB = await sampleRss(target.pid);
	const latencies = results.flatMap((r) => r.latencies);
	const seconds = Math.max(...results.map((r) => r.seconds));
	return {
		reached: latencies.length,
		seconds,
		rate: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		failures: results.reduce((sum, r) => sum + r.failures, 0),
		rssMB,
		perSocketKB: ((rssMB - rssBefore) * 1024) / Math.max(1, latencies.length),
		cpuMsPerSocket: (cpuMs(target.pid) - cpuBefore) / Math.max(1, latencies.length),
		databaseCpuMs: target.databasePid ? cpuMs(target.databasePid) - databaseCpuBefore : 0,
		loop,
		load1: os.loadavg()[0]!,
		close: () => Promise.all(generators.map((g) => g.close()))
	};
}

type Opened = Awaited<ReturnType<typeof openSockets>>;

/** The figures of one pass; memory per socket only where the server was fresh. */
const formatOpened = (name: string, n: number, rate: number, pass: Opened, withMemory: boolean) =>
	[
		`BENCH ${name} n=${n} rate=${rate} reached=${pass.reached} failures=${pass.failures}`,
		`time=${pass.seconds.toFixed(1)}s conn/s=${pass.rate.toFixed(0)}`,
		`p50=${pass.p50.toFixed(1)} p99=${pass.p99.toFixed(1)} rssMB=${pass.rssMB.toFixed(0)}`,
		withMemory ? `perSocketKB=${pass.perSocketKB.toFixed(1)}` : '',
		`cpuMs/socket=${pass.cpuMsPerSocket.toFixed(2)} dbCpuMs=${pass.databaseCpuMs.toFixed(0)}`,
		`loopP99=${pass.loop.p99.toFixed(1)} loopMax=${pass.loop.max.toFixed(0)}`,
		`load1=${pass.load1.toFixed(1)}`
	]
		.filter(Boolean)
		.join(' ');

export async function run() {
	for (const n of sizes) {
		const app = await startBenchApp();
		try {
			const cookies = await sessionCookies(app, n);
			const bare = await openSockets(app.bare, cookies, rate);
			await bare.close();
			const cold = await openSockets(app, cookies, rate, coldInFlight);
			await cold.close();
			console.log(formatOpened('connect-cold', n, rate, cold, true));
			const full = await openSockets(app, cookies, rate);
			await full.close();
			console.log(
				[
					formatOpened('connect', n, rate, full, false),
					`bare-reached=${bare.reached} bare-rssMB=${bare.rssMB.toFixed(0)}`,
					formatBaseline('p99', full.p99, bare.p99),
					// Memory per socket from the cold pass: the measured one reuses what that freed.
					formatBaseline('perSocketKB', cold.perSocketKB, bare.perSocketKB),
					formatBaseline('cpuMs/socket', full.cpuMsPerSocket, bare.cpuMsPerSocket),
					formatBaseline('loopP99', full.loop.p99, bare.loop.p99),
					`bare-load1=${bare.load1.toFixed(1)}`
				].join(' ')
			);
		} finally {
			await app.stop();
		}
	}
}
