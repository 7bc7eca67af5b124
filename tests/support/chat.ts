import mongoose from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login } from './app';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import type { Ack, ChatMessageDto } from '../../src/lib/realtime/events';

/** Emits an acknowledged event and resolves with the answer (rejects when none comes in time). */
export function request<T = unknown>(
	socket: Socket,
	event: string,
	payload: unknown,
	timeoutMs = 10_000
): Promise<Ack<T>> {
	return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Ack<T>>;
}

/** Channel ids by slug, read straight from the app's database. */
export async function channelIds(uri: string): Promise<Map<string, { id: string; kind: string }>> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const rows = await conn.db!.collection('channels').find({}).toArray();
		return new Map(
			rows.map((r) => [r.slug as string, { id: String(r._id), kind: r.kind as string }])
		);
	} finally {
		await conn.close();
	}
}

/** The cohort channel whose slug contains `key` (e.g. "durchgang-1-"). */
export async function cohortChannel(uri: string, key: string): Promise<string> {
	for (const [slug, c] of await channelIds(uri))
		if (c.kind === 'cohort' && slug.includes(key)) return c.id;
	throw new Error(`no channel ${key}`);
}

export async function channelCohortId(uri: string, channelId: string): Promise<string> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const doc = await conn
			.db!.collection('channels')
			.findOne({ _id: new mongoose.Types.ObjectId(channelId) });
		return String(doc!.cohortId);
	} finally {
		await conn.close();
	}
}

export async function storedMessages(uri: string, channelId: string) {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		return await conn
			.db!.collection('messages')
			.find({ channelId: new mongoose.Types.ObjectId(channelId) })
			.sort({ seq: 1 })
			.toArray();
	} finally {
		await conn.close();
	}
}

let counter = 0;
export const newClientId = (prefix = 'c') =>
	`${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * The client side of delivery, as the browser keeps it: messages by seq, live ones merged,
 * and after every (re)connect a resync of everything after the highest seq held.
 */
export class ChannelMirror {
	readonly bySeq = new Map<number, ChatMessageDto>();
	duplicates = 0;
	constructor(
		readonly socket: Socket,
		readonly channelId: string
	) {
		socket.on('message:new', (m: ChatMessageDto) => {
			if (m.channelId !== channelId) return;
			if (this.bySeq.has(m.seq)) this.duplicates++;
			this.bySeq.set(m.seq, m);
		});
	}

	get lastSeq(): number {
		let max = 0;
		for (const s of this.bySeq.keys()) if (s > max) max = s;
		return max;
	}

	/** As in the browser: resync from the last seq without a hole before it, not the highest. */
	get contiguousSeq(): number {
		let seq = 0;
		while (this.bySeq.has(seq + 1)) seq++;
		return seq;
	}

	/** Joins the room, then fetches every page after the last seq held. */
	async resync(): Promise<void> {
		const joined = await request(this.socket, 'channel:join', { channelId: this.channelId });
		if (!joined.ok) throw new Error(`join failed: ${joined.error}`);
		for (;;) {
			const page = await request<{ messages: ChatMessageDto[] }>(this.socket, 'message:history', {
				channelId: this.channelId,
				afterSeq: this.contiguousSeq,
				limit: 200
			});
			if (!page.ok) throw new Error(`history failed: ${page.error}`);
			for (const m of page.data.messages) this.bySeq.set(m.seq, m);
			if (page.data.messages.length < 200) return;
		}
	}

	/** Seqs in order: must be 1..n without gaps. */
	seqs(): number[] {
		return [...this.bySeq.keys()].sort((a, b) => a - b);
	}
}

/** Alumni of a cohort with a session each, created straight in the app's database. */
export async function createMembers(
	uri: string,
	n: number,
	cohortId: string,
	prefix = 'member'
): Promise<{ id: string; cookie: string; name: string }[]> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const run = Date.now().toString(36);
		const members = Array.from({ length: n }, (_, i) => ({
			_id: new mongoose.Types.ObjectId(),
			email: `${prefix}-${run}-${i}@test.example`,
			displayName: `${prefix} ${i}`,
			handle: `${prefix}.${run}.${i}`,
			sortName: `${prefix} ${i}`,
			passwordHash: 'unused',
			roles: ['alumni'],
			cohortIds: [new mongoose.Types.ObjectId(cohortId)],
			locale: 'de',
			hasAvatar: false,
			avatarVersion: 0,
			deactivatedAt: null
		}));
		await conn.db!.collection('members').insertMany(members);
		const tokens = members.map(() => generateToken());
		const now = Date.now();
		await conn.db!.collection('sessions').insertMany(
			members.map((m, i) => ({
				_id: hashToken(tokens[i]!) as unknown as mongoose.Types.ObjectId,
				memberId: m._id,
				expiresAt: new Date(now + 86_400_000),
				lastUsedAt: new Date(now),
				userAgent: 'test'
			}))
		);
		return members.map((m, i) => ({
			id: m._id.toString(),
			cookie: `session=${tokens[i]}`,
			name: m.displayName
		}));
	} finally {
		await conn.close();
	}
}

/**
 * A socket that comes back by itself, as the browser's does: Socket.IO's reconnection for
 * dropped transports, plus a retry when the server refused the handshake for a passing
 * reason (database away while authenticating), which Socket.IO does not retry on its own.
 */
export function openReconnectingSocket(url: string, cookie: string): Socket {
	const socket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnectionDelay: 200,
		reconnectionDelayMax: 1000,
		extraHeaders: { origin: url, cookie }
	});
	socket.on('connect_error', (err) => {
		if (!socket.active && err.message !== 'unauthorized')
			setTimeout(() => socket.connect(), 300 + Math.random() * 300);
	});
	return socket;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends messages 1..n in order, each with its own fixed clientId, retrying a message until it
 * is acknowledged (lost acknowledgement, server gone, database away), as the browser outbox
 * does. Calls `onAck` after each acknowledgement. Bounded: gives up after `deadlineMs`.
 */
export async function sendStream(
	socket: Socket,
	channelId: string,
	n: number,
	prefix: string,
	onAck: (i: number, message: ChatMessageDto) => Promise<void> | void = () => undefined,
	stats = { refused: 0, noAnswer: 0 },
	deadlineMs = 120_000
): Promise<ChatMessageDto[]> {
	const deadline = Date.now() + deadlineMs;
	const acked: ChatMessageDto[] = [];
	for (let i = 1; i <= n; i++) {
		const payload = { channelId, clientId: `${prefix}-${i}`, body: `${prefix} Nachricht ${i}` };
		for (;;) {
			if (Date.now() > deadline) throw new Error(`stream stuck at message ${i}`);
			if (socket.connected) {
				const answer = await request<ChatMessageDto>(socket, 'message:send', payload, 4000).catch(
					() => null
				);
				if (answer?.ok) {
					acked.push(answer.data);
					await onAck(i, answer.data);
					break;
				}
				if (answer && (answer.code === 'invalid' || answer.code === 'not_found'))
					throw new Error(`refused: ${answer.error}`);
				if (answer) stats.refused++;
				else stats.noAnswer++;
			}
			await sleep(150);
		}
	}
	return acked;
}

/** Sender and reader, each resyncing from its last seq on every (re)connect. */
export async function senderAndReader(app: { url: string }, channelId: string) {
	const sockets: Socket[] = [];
	const mirrors: ChannelMirror[] = [];
	for (const email of ['anna.schulze', 'jonas.becker']) {
		const cookie = await login(app, `${email}@netzwerk.example`, demoPassword);
		const socket = openReconnectingSocket(app.url, cookie);
		const mirror = new ChannelMirror(socket, channelId);
		socket.on('connect', () => void mirror.resync().catch(() => undefined));
		sockets.push(socket);
		mirrors.push(mirror);
	}
	return { sender: sockets[0]!, sockets, mirrors };
}

/** Every acknowledged message exactly once, in order, with gap-free seqs, at every client. */
export async function expectComplete(
	mirrors: ChannelMirror[],
	acked: ChatMessageDto[],
	uri: string,
	channelId: string
) {
	for (const mirror of mirrors) {
		await mirror.resync();
		const seqs = mirror.seqs();
		expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
		const ours = seqs
			.map((s) => mirror.bySeq.get(s)!)
			.filter((m) => acked.some((a) => a.clientId === m.clientId));
		expect(ours.map((m) => m.clientId)).toEqual(acked.map((a) => a.clientId));
		expect(ours.map((m) => m.seq)).toEqual(acked.map((a) => a.seq));
	}
	const stored = await storedMessages(uri, channelId);
	const ids = stored.map((m) => m.clientId as string);
	expect(new Set(ids).size).toBe(ids.length);
	for (const a of acked) expect(ids.filter((id) => id === a.clientId)).toHaveLength(1);
}
