// Figures beside their bare baseline, measured in the same run on the same machine: a noisy
// machine moves both, so the ratio stays comparable across runs. The bare server
// (bench/bare-server.js) answers the same page bytes and fans out chat messages the same way,
// without the app, sessions or the database.
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from '../src/lib/server/db/embedded';
import { spawnWithLoopProbe } from './loop-delay-probe';
import { median, percentile } from './stats';

interface CannonResult {
	errors: number;
	timeouts: number;
}
interface CannonRun extends Promise<CannonResult> {
	stop(): void;
	on(
		event: 'response',
		listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void
	): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
	options: Record<string, unknown>
) => CannonRun;

export interface LoadFigures {
	rps: number;
	p50: number;
	p99: number;
	/** Answers other than 2xx, plus errors and timeouts. */
	failed: number;
	/** p99 of the answers in the first seconds of a run, left out of the other figures. */
	startP99: number;
}

export interface LoadOptions {
	connections: number;
	seconds: number;
	cookie?: string;
	warmUpSeconds?: number;
	/** The median of this many runs. */
	runs?: number;
	timeoutSeconds?: number;
}

/**
 * The figures are of the connections in use: they start once every connection of the run has
 * had its first answer, and those first answers are reported apart (`startP99`). A saturated
 * server takes a run's new connections late: at 50 connections on a 5 ms page, 35 of the 50
 * first requests waited 1 to 10 s before the app saw them, while every request the app saw was
 * answered within a second.
 */
async function oneRun(cannon: Record<string, unknown> & { connections: number }, seconds: number) {
	const start: number[] = [];
	const steady: number[] = [];
	const answered = new Set<unknown>();
	let steadySince: number | null = null;
	let failed = 0;
	// Long enough for the slowest start seen; stopped once the measured seconds are over.
	const run = autocannon({ ...cannon, duration: seconds + 60 });
	run.on('response', (client, status, _bytes, ms) => {
		const now = performance.now();
		if (steadySince === null) {
			start.push(ms);
			answered.add(client);
			if (answered.size === cannon.connections) steadySince = now;
			return;
		}
		if (now - steadySince > seconds * 1000) return run.stop();
		steady.push(ms);
		if (status < 200 || status > 299) failed++;
	});
	const result = await run;
	return {
		rps: steady.length / seconds,
		p50: percentile(steady, 50),
		p99: percentile(steady, 99),
		failed: failed + result.errors + result.timeouts,
		startP99: percentile(start, 99)
	};
}

/** autocannon against one URL. */
export async function load(url: string, options: LoadOptions): Promise<LoadFigures> {
	const cannon = {
		url,
		connections: options.connections,
		timeout: options.timeoutSeconds ?? 10,
		headers: options.cookie ? { cookie: options.cookie } : {}
	};
	if (options.warmUpSeconds) await autocannon({ ...cannon, duration: options.warmUpSeconds });
	const results: LoadFigures[] = [];
	for (let i = 0; i < (options.runs ?? 1); i++) results.push(await oneRun(cannon, options.seconds));
	return {
		rps: median(results.map((r) => r.rps)),
		p50: median(results.map((r) => r.p50)),
		p99: median(results.map((r) => r.p99)),
		failed: results.reduce((sum, r) => sum + r.failed, 0),
		startP99: median(results.map((r) => r.startP99))
	};
}

export const formatLoad = (f: LoadFigures) =>
	`req/s=${f.rps.toFixed(0)} p50=${f.p50.toFixed(0)} p99=${f.p99.toFixed(0)} non2xx=${f.failed} start-p99=${f.startP99.toFixed(0)}`;

/**
 * The bare figure and the ratio measured / bare, e.g. `bare-req/s=3100 ratio=0.025`. For
 * throughput a ratio below 1 is the share of the bare speed; for latencies above 1 the factor.
 */
export function formatBaseline(figure: string, measured: number, bare: number): string {
	const ratio = bare > 0 ? (measured / bare).toFixed(3) : 'n/a';
	return `bare-${figure}=${bare.toFixed(bare >= 100 ? 0 : 1)} ratio-${figure}=${ratio}`;
}

export interface BareServer {
	url: string;
	pid: number;
	/** The bare server (with the event-loop probe, see loop-delay-probe.ts). */
	process: ChildProcess;
	/** Serves these bytes under `pagePath`, as the app answered them. */
	servePage(pagePath: string, body: ArrayBuffer, contentType: string): Promise<void>;
	stop(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
	const port = await freePort();
	const child = spawnWithLoopProbe(
		[path.join(import.meta.dirname, 'bare-server.js'), String(port)],
		{
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	await new Promise<void>((resolve, reject) => {
		child.stdout!.once('data', () => resolve());
		child.once('exit', (code) => reject(new Error(`bare server ended with ${code}`)));
	});
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		pid: child.pid!,
		process: child,
		async servePage(pagePath, body, contentType) {
			const res = await fetch(url + pagePath, {
				method: 'PUT',
				body,
				headers: { 'content-type': contentType }
			});
			if (!res.ok) throw new Error(`bare server refused ${pagePath}: ${res.status}`);
		},
		async stop() {
			child.kill('SIGTERM');
			await new Promise((resolve) => child.once('exit', resolve));
		}
	};
}

/**
 * A page of the app under load, and just before it the same bytes from the bare server with
 * the same connections and duration.
 */
export async function loadBesideBare(
	app: { url: string; bare: BareServer },
	pagePath: string,
	options: LoadOptions
): Promise<{ page: LoadFigures; bare: LoadFigures }> {
	const answer = await fetch(app.url + pagePath, {
		headers: options.cookie ? { cookie: options.cookie } : {},
		redirect: 'manual'
	});
	await app.bare.servePage(
		pagePath,
		await answer.arrayBuffer(),
		answer.headers.get('content-type') ?? 'text/html'
	);
	const bare = await load(app.bare.url + pagePath, options);
	const page = await load(app.url + pagePath, options);
	return { page, bare };
}

/** `req/s=… p50=… p99=… non2xx=… bare-req/s=… ratio-req/s=…` */
export const formatBesideBare = (r: { page: LoadFigures; bare: LoadFigures }) =>
	`${formatLoad(r.page)} ${formatBaseline('req/s', r.page.rps, r.bare.rps)} ${formatBaseline('p99', r.page.p99, r.bare.p99)}`;
