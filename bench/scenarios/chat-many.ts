// npm run bench -- chat-many: many small channels at once, every member sending, as a network of
// cohorts chats on an ordinary afternoon: 50 channels x 20 members (BENCH_MANY_CHANNELS,
// BENCH_MANY_MEMBERS). Prints the stored and acknowledged messages per second at a fixed offered
// rate (BENCH_MANY_RATE, default 500/s, spread over all members) with acknowledgement and delivery
// latency, then the most the server stores with one send in flight per channel, each beside the
// same topology on the bare server. Figures only, never a pass or fail.
import { Types } from 'mongoose';
import { ensureCohortChannel } from '../../src/lib/server/cohorts';
import { Channel, Cohort } from '../../src/lib/server/db/models';
import { formatBaseline } from '../load';
import { benchMembers, cpuMs, percentile, startBenchApp } from '../support';
import { connectInBatches } from '../thin-client';
import { ChatClient } from './chat';

const fromEnv = (key: string, fallback: string) => Number(process.env[key] ?? fallback);
const channels = fromEnv('BENCH_MANY_CHANNELS', '50');
const perChannel = fromEnv('BENCH_MANY_MEMBERS', '20');
const rate = fromEnv('BENCH_MANY_RATE', '500');
const seconds = fromEnv('BENCH_MANY_SECONDS', '10');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Seat {
	cookie: string;
	channelId: string;
}

interface ManyFigures {
	storedPerSecond: number;
	ackP50: number;
	ackP99: number;
	deliveryP99: number;
	lost: number;
	failed: number;
	maxStoredPerSecond: number;
	maxAckP99: number;
}

async function measure(url: string, seats: Seat[]): Promise<ManyFigures> {
	const sentAt = new Map<string, number>();
	const deliveries: number[] = [];
	const onMessage = (clientId: string, at: number) => {
		const t0 = sentAt.get(clientId);
		if (t0 !== undefined) deliveries.push(at - t0);
	};
	const clients = await connectInBatches(
		seats.map((s) => s.cookie),
		(cookie) => new ChatClient(url, cookie, onMessage)
	);
	for (let i = 0; i < clients.length; i += 100)
		await Promise.all(
			clients
				.slice(i, i + 100)
				.map((c, j) => c.emit('channel:join', { channelId: seats[i + j]!.channelId }))
		);
	await sleep(3000); // presence broadcasts of the join wave settle
	const run = Date.now().toString(36);
	let index = 0;
	/** One message from the member on seat `seat`; resolves with the acknowledgement's verdict. */
	const send = async (seat: number, acks: number[]) => {
		const clientId = `many-${run}-${index++}`;
		const t0 = performance.now();
		sentAt.set(clientId, t0);
		const answer = await clients[seat]!.emit('message:send', {
			channelId: seats[seat]!.channelId,
			clientId,
			body: `Nachricht ${clientId}`
		});
		acks.push(performance.now() - t0);
		return answer.includes('"ok":true');
	};

	// Fixed offered rate, the senders spread over channels and members (a stride through seats).
	const acks: number[] = [];
	let stored = 0;
	let failed = 0;
	const total = rate * seconds;
	const stride = perChannel + 1;
	const pending: Promise<void>[] = [];
	const started = performance.now();
	for (let i = 0; i < total; i++) {
		const wait = started + (i * 1000) / rate - performance.now();
		if (wait > 0) await sleep(wait);
		pending.push(
			send((i * stride) % seats.length, acks).then((ok) => void (ok ? stored++ : failed++))
		);
	}
	await Promise.all(pending);
	const elapsed = (performance.now() - started) / 1000;
	const expected = total * perChannel;
	const deadline = Date.now() + 15_000;
	while (deliveries.length < expected && Date.now() < deadline) await sleep(100);
	const figures = {
		storedPerSecond: stored / elapsed,
		ackP50: percentile(acks, 50),
		ackP99: percentile(acks, 99),
		deliveryP99: percentile(deliveries, 99),
		lost: Math.max(0, expected - deliveries.length),
		failed
	};

	// The most it stores: one send in flight per channel for 5 seconds.
	const maxAcks: number[] = [];
	let maxStored = 0;
	const until = performance.now() + 5000;
	await Promise.all(
		Array.from({ length: channels }, async (_, channel) => {
			for (let k = 0; performance.now() < until; k++)
				if (await send(channel * perChannel + (k % perChannel), maxAcks)) maxStored++;
		})
	);
	const maxElapsed = (performance.now() - until + 5000) / 1000;
	await sleep(2000);
	for (const c of clients) c.close();
	await sleep(1000);
	return {
		...figures,
		maxStoredPerSecond: maxStored / maxElapsed,
		maxAckP99: percentile(maxAcks, 99)
	};
}

export async function run() {
	const app = await startBenchApp({ CHAT_RATE_LIMIT: 'off' });
	try {
		const run = Date.now().toString(36);
		const seats: Seat[] = [];
		for (let c = 0; c < channels; c++) {
			const name = `Bench ${run} ${c}`;
			const slug = `bench-${run}-${c}`;
			const cohort = await Cohort.create({
				name,
				slug,
				programme: 'brandenburg',
				startsOn: new Date('2026-01-01'),
				endsOn: new Date('2026-12-31')
			});
			await ensureCohortChannel(cohort._id as Types.ObjectId, name, slug);
			const channel = (await Channel.findOne({ kind: 'cohort', cohortId: cohort._id }).lean())!;
			for (const member of await benchMembers(perChannel, cohort._id.toString()))
				seats.push({ cookie: member.cookie, channelId: channel._id.toString() });
		}
		const bare = await measure(
			app.bare.url,
			seats.map((s) => ({ ...s, cookie: 'session=none' }))
		);
		// CPU of the server and of the embedded database over the run, per stored message: what
		// each message costs, which unlike latency does not grow with the machine's other load.
		const cpuBefore = { app: cpuMs(app.pid), db: app.databasePid ? cpuMs(app.databasePid) : 0 };
		const full = await measure(app.url, seats);
		const storedTotal = full.storedPerSecond * seconds + full.maxStoredPerSecond * 5;
		const cpuPerMessage = (pid: number | undefined, before: number) =>
			pid ? ((cpuMs(pid) - before) / storedTotal).toFixed(2) : '-';
		const f = (v: number) => v.toFixed(1);
		console.log(
			`BENCH chat-many channels=${channels} members=${perChannel} rate=${rate} stored/s=${f(full.storedPerSecond)} ackP50=${f(full.ackP50)} ackP99=${f(full.ackP99)} deliveryP99=${f(full.deliveryP99)} lost=${full.lost} failed=${full.failed} ${formatBaseline('ackP99', full.ackP99, bare.ackP99)} ${formatBaseline('deliveryP99', full.deliveryP99, bare.deliveryP99)}`
		);
		console.log(
			`BENCH chat-many-max channels=${channels} members=${perChannel} stored/s=${f(full.maxStoredPerSecond)} ackP99=${f(full.maxAckP99)} ${formatBaseline('stored/s', full.maxStoredPerSecond, bare.maxStoredPerSecond)} ${formatBaseline('ackP99', full.maxAckP99, bare.maxAckP99)} serverCpuMs/msg=${cpuPerMessage(app.pid, cpuBefore.app)} databaseCpuMs/msg=${cpuPerMessage(app.databasePid, cpuBefore.db)}`
		);
	} finally {
		await app.stop();
	}
}
