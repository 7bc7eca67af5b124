// npm run bench:chat: N authenticated members in one cohort channel on the production server
// with the embedded database. Messages go through the full path (auth, validate, store with the
// next seq, ack, broadcast). Prints per N: delivery latency from send to receipt at every
// client, acknowledgement latency, sustained stored messages/s, server memory per socket and
// lost/duplicated/out-of-order counts, each beside the same channel on the bare server (same
// Socket.IO settings, no sessions, no storage). Figures only, never a pass or fail.
//
// The clients are thin raw WebSocket clients speaking Engine.IO v4 / Socket.IO v5 framing:
// socket.io-client costs more CPU than the server, so 1000 of them would measure themselves.
import WebSocket from 'ws';
import { Channel } from '../../src/lib/server/db/models';
import { formatBaseline } from '../load';
import { benchMembers, percentile, sampleRss, startBenchApp, type BenchApp } from '../support';

export interface ChatBenchOptions {
	name: string;
	sizes: number[];
	/** Messages per second, fixed. */
	rate: number;
	seconds: number;
	/** Also measure the sustained maximum of stored messages per second. */
	sustained: boolean;
}

const fromEnv = (key: string, fallback: string) => process.env[key] ?? fallback;
const senders = 10;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One member's socket: Engine.IO pings answered, acks matched by id, message:new counted. */
class ThinClient {
	private ws: WebSocket;
	private nextAck = 0;
	private acks = new Map<number, (data: string) => void>();
	lastSeq = 0;
	received = new Set<string>();
	duplicates = 0;
	outOfOrder = 0;
	ready: Promise<void>;

	constructor(
		url: string,
		cookie: string,
		private readonly onMessage: (clientId: string, at: number) => void
	) {
		this.ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
			headers: { origin: url, cookie },
			perMessageDeflate: false
		});
		this.ready = new Promise((resolve, reject) => {
			this.ws.on('error', reject);
			this.ws.on('message', (raw: Buffer) => {
				const data = raw.toString();
				if (data === '2') return this.ws.send('3'); // Engine.IO ping -> pong
				if (data.startsWith('0')) return this.ws.send('40'); // open -> Socket.IO connect
				if (data.startsWith('40')) return resolve();
				if (data.startsWith('44')) return reject(new Error(data));
				if (data.startsWith('43')) {
					const m = /^43(\d+)/.exec(data)!;
					const id = Number(m[1]);
					this.acks.get(id)?.(data.slice(m[0].length));
					this.acks.delete(id);
					return;
				}
				if (data.startsWith('42["message:new"')) {
					const at = performance.now();
					// Regexes, not JSON.parse: the load generator must stay cheaper than the server.
					const clientId = /"clientId":"([^"]+)"/.exec(data)![1]!;
					const seq = Number(/"seq":(\d+)/.exec(data)![1]);
					if (this.received.has(clientId)) this.duplicates++;
					this.received.add(clientId);
					if (seq <= this.lastSeq) this.outOfOrder++;
					this.lastSeq = Math.max(this.lastSeq, seq);
					this.onMessage(clientId, at);
				}
			});
		});
	}

	emit(event: string, payload: unknown): Promise<string> {
		const id = this.nextAck++;
		return new Promise((resolve) => {
			this.acks.set(id, resolve);
			this.ws.send(`42${id}${JSON.stringify([event, payload])}`);
		});
	}

	close() {
		this.ws.close();
	}
}

/** The app, or the bare server beside it (same Socket.IO settings, no sessions, no storage). */
interface ChatTarget {
	url: string;
	pid: number;
}

async function connectAll(
	target: ChatTarget,
	cookies: string[],
	onMessage: ThinClient['onMessage']
) {
	const clients: ThinClient[] = [];
	// 200 connections per second: the handshake validates each session in the database.
	for (let i = 0; i < cookies.length; i += 20) {
		const batch = cookies.slice(i, i + 20).map((c) => new ThinClient(target.url, c, onMessage));
		await Promise.all(batch.map((c) => c.ready));
		clients.push(...batch);
		await sleep(100);
	}
	return clients;
}

interface ChatFigures {
	total: number;
	delivered: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	ackP50: number;
	ackP99: number;
	lost: number;
	dup: number;
	ooo: number;
	failed: number;
	rssMB: number;
	perSocketKB: number;
	sustained?: {
		storedPerSecond: number;
		deliveredPerSecond: number;
		ackP50: number;
		ackP99: number;
	};
}

/** One channel of `cookies.length` members on the target: fixed rate, then (if asked) sustained. */
async function measureChat(
	target: ChatTarget,
	cookies: string[],
	channelId: string,
	{ rate, seconds, sustained }: ChatBenchOptions
): Promise<ChatFigures> {
	const n = cookies.length;
	const rssBefore = await sampleRss(target.pid);
	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	const onMessage = (clientId: string, at: number) => {
		const t0 = sentAt.get(clientId);
		if (t0 !== undefined) latencies.push(at - t0);
	};
	const clients = await connectAll(target, cookies, onMessage);
	for (let i = 0; i < clients.length; i += 100)
		await Promise.all(clients.slice(i, i + 100).map((c) => c.emit('channel:join', { channelId })));
	await sleep(3000); // presence broadcasts of the join wave settle
	const rssConnected = await sampleRss(target.pid);
	const run = Date.now().toString(36);

	const send = async (i: number, tag: string, ackLatencies: number[]) => {
		const clientId = `${tag}-${run}-${i}`;
		const t0 = performance.now();
		sentAt.set(clientId, t0);
		const answer = await clients[i % senders]!.emit('message:send', {
			channelId,
			clientId,
			body: `Nachricht ${i} **fett**`
		});
		ackLatencies.push(performance.now() - t0);
		return answer.includes('"ok":true');
	};

	// Warm-up, not measured.
	await Promise.all(Array.from({ length: 20 }, (_, i) => send(i, 'warm', [])));
	await sleep(1000);
	latencies.length = 0;
	for (const c of clients) {
		c.received.clear();
		c.duplicates = 0;
		c.outOfOrder = 0;
	}

	// Fixed rate.
	const total = rate * seconds;
	const acks: number[] = [];
	let failed = 0;
	const pending: Promise<void>[] = [];
	const started = performance.now();
	for (let i = 0; i < total; i++) {
		const due = started + (i * 1000) / rate;
		const wait = due - performance.now();
		if (wait > 0) await sleep(wait);
		pending.push(send(i, 'rate', acks).then((ok) => void (ok || failed++)));
	}
	await Promise.all(pending);
	const expected = total * n;
	const deadline = Date.now() + 15_000;
	while (latencies.length < expected && Date.now() < deadline) await sleep(100);
	let lost = 0;
	let dup = 0;
	let ooo = 0;
	for (const c of clients) {
		for (let i = 0; i < total; i++) if (!c.received.has(`rate-${run}-${i}`)) lost++;
		dup += c.duplicates;
		ooo += c.outOfOrder;
	}
	const figures: ChatFigures = {
		total,
		delivered: latencies.length,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		max: percentile(latencies, 100),
		ackP50: percentile(acks, 50),
		ackP99: percentile(acks, 99),
		lost,
		dup,
		ooo,
		failed,
		rssMB: rssConnected,
		perSocketKB: ((rssConnected - rssBefore) * 1024) / n
	};

	if (sustained) {
		// As fast as the server acknowledges, 20 sends in flight, for 5 seconds.
		const burstAcks: number[] = [];
		let stored = 0;
		let index = 0;
		const until = performance.now() + 5000;
		const deliveredBefore = latencies.length;
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				while (performance.now() < until) if (await send(index++, 'max', burstAcks)) stored++;
			})
		);
		const elapsed = (performance.now() - until + 5000) / 1000;
		await sleep(2000);
		figures.sustained = {
			storedPerSecond: stored / elapsed,
			deliveredPerSecond: (latencies.length - deliveredBefore) / elapsed,
			ackP50: percentile(burstAcks, 50),
			ackP99: percentile(burstAcks, 99)
		};
	}
	for (const c of clients) c.close();
	await sleep(1000);
	return figures;
}

/** The channel on the bare server first, then on the app, with the same members and rate. */
async function scenario(
	app: BenchApp,
	n: number,
	channelId: string,
	cohortId: string,
	options: ChatBenchOptions
) {
	const members = await benchMembers(n, cohortId);
	const bare = await measureChat(
		app.bare,
		members.map(() => 'session=none'),
		channelId,
		options
	);
	const full = await measureChat(
		app,
		members.map((m) => m.cookie),
		channelId,
		options
	);
	const f = (v: number) => v.toFixed(1);
	console.log(
		`BENCH ${options.name} n=${n} rate=${options.rate} msgs=${full.total} deliv=${full.delivered} p50=${f(full.p50)} p95=${f(full.p95)} p99=${f(full.p99)} max=${f(full.max)} ackP50=${f(full.ackP50)} ackP99=${f(full.ackP99)} lost=${full.lost} dup=${full.dup} ooo=${full.ooo} failed=${full.failed} rssMB=${full.rssMB.toFixed(0)} perSocketKB=${f(full.perSocketKB)} ${formatBaseline('p99', full.p99, bare.p99)} ${formatBaseline('ackP99', full.ackP99, bare.ackP99)} ${formatBaseline('perSocketKB', full.perSocketKB, bare.perSocketKB)}`
	);
	if (full.sustained && bare.sustained) {
		const [s, b] = [full.sustained, bare.sustained];
		console.log(
			`BENCH chat-sustained n=${n} stored/s=${s.storedPerSecond.toFixed(0)} deliv/s=${s.deliveredPerSecond.toFixed(0)} ackP50=${f(s.ackP50)} ackP99=${f(s.ackP99)} ${formatBaseline('stored/s', s.storedPerSecond, b.storedPerSecond)} ${formatBaseline('ackP99', s.ackP99, b.ackP99)}`
		);
	}
}

/** A fresh server per N, so the memory per socket is not blurred by the previous run's heap. */
export async function runChat(options: ChatBenchOptions) {
	for (const n of options.sizes) {
		const app = await startBenchApp({ CHAT_RATE_LIMIT: 'off' });
		try {
			const channel = await Channel.findOne({ kind: 'cohort' }, { cohortId: 1 })
				.sort({ name: -1 })
				.lean();
			await scenario(app, n, channel!._id.toString(), String(channel!.cohortId), options);
		} finally {
			await app.stop();
		}
	}
}

export function run() {
	return runChat({
		name: 'chat',
		sizes: fromEnv('BENCH_CHAT_SIZES', '100,1000,2000').split(',').map(Number),
		rate: Number(fromEnv('BENCH_CHAT_RATE', '10')),
		seconds: Number(fromEnv('BENCH_CHAT_SECONDS', '10')),
		sustained: true
	});
}
