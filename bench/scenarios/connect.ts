// Opens N authenticated sockets at a fixed rate against the production server and prints
// time to N, connect latency percentiles, failures, server RSS and memory per socket, beside
// the same N bare sockets (bare server: same Socket.IO settings, no session check).
import { io } from 'socket.io-client';
import { formatBaseline } from '../load';
import { percentile, startBenchApp, sampleRss, sessionCookies } from '../support';

const rate = 500; // sockets per second

/** Opens one socket per cookie at `rate`; the sockets stay open until `close()`. */
async function openSockets(target: { url: string; pid: number }, cookies: string[]) {
	const rssBefore = await sampleRss(target.pid);
	const latencies: number[] = [];
	let failures = 0;
	const sockets: ReturnType<typeof io>[] = [];
	const started = performance.now();
	await Promise.all(
		cookies.map(
			(cookie, i) =>
				new Promise<void>((resolve) => {
					setTimeout(
						() => {
							const t0 = performance.now();
							const s = io(target.url, {
								transports: ['websocket'],
								reconnection: false,
								forceNew: true,
								extraHeaders: { origin: target.url, cookie }
							});
							sockets.push(s);
							s.once('connect', () => {
								latencies.push(performance.now() - t0);
								resolve();
							});
							s.once('connect_error', () => {
								failures++;
								resolve();
							});
						},
						(i / rate) * 1000
					);
				})
		)
	);
	const seconds = (performance.now() - started) / 1000;
	const rssMB = await sampleRss(target.pid);
	return {
		seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		failures,
		rssMB,
		perSocketKB: ((rssMB - rssBefore) * 1024) / Math.max(1, cookies.length - failures),
		close: () => sockets.forEach((s) => s.close())
	};
}

export async function run() {
	for (const n of [1000]) {
		const app = await startBenchApp();
		try {
			const cookies = await sessionCookies(app, n);
			const bare = await openSockets(app.bare, cookies);
			bare.close();
			const full = await openSockets(app, cookies);
			full.close();
			console.log(
				`BENCH connect n=${n} rate=${rate} time=${full.seconds.toFixed(2)}s p50=${full.p50.toFixed(1)} p99=${full.p99.toFixed(1)} failures=${full.failures} rssMB=${full.rssMB.toFixed(0)} perSocketKB=${full.perSocketKB.toFixed(1)} ${formatBaseline('p99', full.p99, bare.p99)} ${formatBaseline('perSocketKB', full.perSocketKB, bare.perSocketKB)}`
			);
		} finally {
			await app.stop();
		}
	}
}
