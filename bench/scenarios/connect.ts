// Opens N authenticated sockets at a fixed rate against the production server and prints
// time to N, connect latency percentiles, failures, server RSS and event-loop delay.
import { percentile, startBenchApp, sampleRss, sessionCookies } from '../support';
import { io } from 'socket.io-client';

export async function run() {
	for (const n of [1000]) {
		const app = await startBenchApp();
		try {
			const cookies = await sessionCookies(app, n);
			const latencies: number[] = [];
			let failures = 0;
			const sockets: ReturnType<typeof io>[] = [];
			const started = performance.now();
			const rate = 500; // sockets per second
			await Promise.all(
				cookies.map(
					(cookie, i) =>
						new Promise<void>((resolve) => {
							setTimeout(
								() => {
									const t0 = performance.now();
									const s = io(app.url, {
										transports: ['websocket'],
										reconnection: false,
										forceNew: true,
										extraHeaders: { origin: app.url, cookie }
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
			const elapsed = (performance.now() - started) / 1000;
			const rssMB = await sampleRss(app.pid);
			console.log(
				`BENCH connect n=${n} rate=${rate} time=${elapsed.toFixed(2)}s p50=${percentile(latencies, 50).toFixed(1)} p99=${percentile(latencies, 99).toFixed(1)} failures=${failures} rssMB=${rssMB.toFixed(0)} perSocketKB=${(((rssMB - app.baselineRssMB) * 1024) / Math.max(1, n - failures)).toFixed(1)}`
			);
			for (const s of sockets) s.close();
		} finally {
			await app.stop();
		}
	}
}
