// A load-generator process of the connect scenario (forked by scenarios/connect.ts): opens
// thin sockets at its share of the rate and keeps them open, so the sockets' own CPU and
// memory are not the measured server's and one process does not starve on two cores.
// Told { url, cookies, rate, timeoutMs } over IPC; answers { latencies, failures, seconds },
// sends { progress } every second while opening, closes its sockets on "close".
import { ThinClient } from './thin-client';

export interface GeneratorJob {
	url: string;
	cookies: string[];
	/** Sockets per second this process opens. */
	rate: number;
	/** A socket not connected by then counts as failed. */
	timeoutMs: number;
	/** At most this many handshakes in flight: opens as fast as the server answers, up to `rate`. */
	maxPending?: number;
}

export interface GeneratorResult {
	/** Handshake times in ms: WebSocket opened to Socket.IO connect acknowledged. */
	latencies: number[];
	failures: number;
	/** From the first socket opened to the last one connected or failed. */
	seconds: number;
}

const send = (message: unknown) => process.send?.(message);

function settleWithin(ready: Promise<void>, ms: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timeout')), ms);
		ready.then(resolve, reject).finally(() => clearTimeout(timer));
	});
}

async function openAll(job: GeneratorJob): Promise<ThinClient[]> {
	const { url, cookies, rate, timeoutMs, maxPending = Infinity } = job;
	const clients: ThinClient[] = [];
	const latencies: number[] = [];
	let failures = 0;
	let pending = 0;
	const settled: Promise<void>[] = [];
	const started = performance.now();
	const progress = setInterval(
		() => send({ progress: { connected: latencies.length, failures } }),
		1000
	);
	// One timer opening every socket that is due, not one timer per socket.
	await new Promise<void>((opened) => {
		const tick = setInterval(() => {
			const due = Math.min(
				cookies.length,
				Math.ceil(((performance.now() - started) / 1000) * rate)
			);
			while (clients.length < due && pending < maxPending) {
				const t0 = performance.now();
				const client = new ThinClient(url, cookies[clients.length]!);
				clients.push(client);
				pending++;
				settled.push(
					settleWithin(client.ready, timeoutMs)
						.then(
							() => void latencies.push(performance.now() - t0),
							() => {
								failures++;
								client.close();
							}
						)
						.finally(() => pending--)
				);
			}
			if (clients.length === cookies.length) {
				clearInterval(tick);
				opened();
			}
		}, 10);
	});
	await Promise.all(settled);
	clearInterval(progress);
	const result: GeneratorResult = {
		latencies,
		failures,
		seconds: (performance.now() - started) / 1000
	};
	send(result);
	return clients;
}

process.once('message', (job: GeneratorJob) => {
	void openAll(job).then((clients) =>
		process.once('message', () => {
			for (const client of clients) client.close();
			process.disconnect();
		})
	);
});
