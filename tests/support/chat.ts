import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
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

	/** Joins the room, then fetches every page after the last seq held. */
	async resync(): Promise<void> {
		const joined = await request(this.socket, 'channel:join', { channelId: this.channelId });
		if (!joined.ok) throw new Error(`join failed: ${joined.error}`);
		for (;;) {
			const page = await request<{ messages: ChatMessageDto[] }>(this.socket, 'message:history', {
				channelId: this.channelId,
				afterSeq: this.lastSeq,
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
