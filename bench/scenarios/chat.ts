// npm run bench:chat: N authenticated members in one cohort channel on the production server
// with the embedded database. Messages go through the full path (auth, validate, store with the
// next seq, ack, broadcast). Prints per N: delivery latency from send to receipt at every
// client, acknowledgement latency, sustained stored messages/s, server memory per socket and
// lost/duplicated/out-of-order counts, each beside the same channel on the bare server (same
// Socket.IO settings, no sessions, no storage). Figures only, never a pass or fail.
//
// The clients are thin raw WebSocket clients (bench/thin-client.ts).
import { Channel } from '../../src/lib/server/db/models';
import { formatBaseline } from '../load';
import { benchMembers, percentile, sampleRss, startBenchApp, type BenchApp } from '../support';
import { ThinClient, connectInBatches } from '../thin-client';

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

/** A chat member's socket: message:new counted for losses, duplicates and order. */
export class ChatClient extends ThinClient {
	lastSeq = 0;
	received = new Set<string>();
	duplicates = 0;
	outOfOrder = 0;

	constructor(
		url: string,
		cookie: string,
		private readonly onMessage: (clientId: string, at: number) => void
	) {
		super(url, cookie);
	}

	protected override onEvent(frame: string, at: number) {
		if (!frame.startsWith('42["message:new"')) return;
		const clientId = /"clientId":"([^"]+)"/.exec(frame)![1]!;
		const seq = Number(/"seq":(\d+)/.exec(frame)![1]);
		if (this.received.has(clientId)) this.duplicates++;
		this.received.add(clientId);
		if (seq <= this.lastSeq) this.outOfOrder++;
		this.lastSeq = Math.max(this.lastSeq, seq);
		this.onMessage(clientId, at);
	}
}

/** The app, or the bare server beside it (same Socket.IO settings, no sessions, no storage). */
interface ChatTarget {
	url: string;
	pid: number;
}

const connectAll = (
	target: ChatTarget,
	cookies: string[],
	onMessage: (clientId: string, at: number) => void
) => connectInBatches(cookies, (c) => new ChatClient(target.url, c, onMessage));

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
	history?: HistoryFigures;
}

interface HistoryFigures {
	perSecond: number;
	p50: number;
	p99: number;
	failed: number;
}

/**
 * History as members ask for it, 10 requests in flight for 3 seconds, in turn: opening the
 * channel (newest 50), resync after a reconnect (after the last 20) and scrolling back one
 * page (the 50 before the newest 50). Each asks the channel's last seq from a send's answer.
 */
async function measureHistory(
	clients: ChatClient[],
	channelId: string,
	lastSeq: number
): Promise<HistoryFigures> {
	const requests = [
		{ channelId, limit: 50 },
		{ channelId, afterSeq: Math.max(0, lastSeq - 20) },
		{ channelId, beforeSeq: Math.max(1, lastSeq - 49), limit: 50 }
	];
	const latencies: number[] = [];
	let failed = 0;
	let index = 0;
	const until = performance.now() + 3000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: 10 }, async (_, k) => {
			while (performance.now() < until) {
				const t0 = performance.now();
				const answer = await clients[k % clients.length]!.emit(
					'message:history',
					requests[index++ % requests.length]
				);
				latencies.push(performance.now() - t0);
				if (!answer.includes('"ok":true')) failed++;
			}
		})
	);
	return {
		perSecond: latencies.length / ((performance.now() - started) / 1000),
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		failed
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
	const last = await clients[0]!.emit('message:send', {
		channelId,
		clientId: `last-${run}`,
		body: 'Letzte Nachricht'
	});
	figures.history = await measureHistory(
		clients,
		channelId,
		Number(/"seq":(\d+)/.exec(last)?.[1] ?? 0)
	);
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
	if (full.history && bare.history) {
		const [h, b] = [full.history, bare.history];
		console.log(
			`BENCH chat-history n=${n} req/s=${h.perSecond.toFixed(0)} p50=${f(h.p50)} p99=${f(h.p99)} failed=${h.failed} ${formatBaseline('req/s', h.perSecond, b.perSecond)} ${formatBaseline('p99', h.p99, b.p99)}`
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
