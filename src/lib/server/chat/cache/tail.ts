import { LRUCache } from 'lru-cache';
import { trusted } from 'mongoose';
import type { ChatMessageDto } from '$lib/realtime/events';
import type { HistoryRequest } from '$lib/schemas/chat';
import * as cache from '../../cache';
import { oid } from '../../db/ids';
import { Message } from '../../db/models';
import { toMessageDto, type MessageLean } from '../message-dto';

/**
 * Embedded-database limit: FerretDB filters and sorts every chat query in Go over a scan of the
 * whole message collection (only an exact `_id` filter reaches an index), so opening a channel,
 * resync after a reconnect and scrolling back would each cost a scan. Each instance keeps the
 * newest messages of the channels read here in memory and answers those from it.
 *
 * A tail holds every stored message of its channel from its floor up to its last seq. Messages
 * stored here continue it (append.ts), and every instance announces what it stored, so the
 * others continue theirs; the highest seq known stored anywhere is kept per channel, and a tail
 * below it is filled from the database before it answers, so a lost or late announcement never
 * hides a message. Edits, deletions and reactions replace the message here and drop the
 * channel's tail on the other instances (their order there is unknown). On MongoDB the pages
 * would come from the (channelId, seq) index and this module could go.
 */

/** Messages kept per channel: a few pages of history. */
const capacity = 300;

interface Tail {
	/** In seq order: every stored message of the channel from `floor` on. */
	messages: ChatMessageDto[];
	/** The lowest seq from which the tail holds every message; 1 when it holds the whole channel. */
	floor: number;
	/** The highest seq it holds (0 while the channel is empty). */
	lastSeq: number;
	bytes: number;
}

interface Load {
	done: Promise<void>;
	/** Set when the channel changed while the load ran: its result is not kept. */
	stale: boolean;
}

export interface LastStored {
	seq: number;
	at: string;
}

const sizeOf = (m: ChatMessageDto) => JSON.stringify(m).length + 64;
/** What an empty tail takes (lru-cache refuses a size of 0). */
const emptySize = 64;

/** The page a request asks for, or null when part of it lies below the tail. */
function pageOf(tail: Tail, req: HistoryRequest): ChatMessageDto[] | null {
	const { messages, floor } = tail;
	if (req.afterSeq !== undefined) {
		if (req.afterSeq + 1 < floor) return null;
		return messages.filter((m) => m.seq > req.afterSeq!).slice(0, req.limit);
	}
	const before =
		req.beforeSeq === undefined ? messages : messages.filter((m) => m.seq < req.beforeSeq!);
	if (before.length < req.limit && floor > 1) return null;
	return before.slice(-req.limit);
}

export class ChannelTails implements cache.Invalidatable {
	readonly #lru: LRUCache<string, Tail>;
	/**
	 * Per channel, the highest seq known stored on any instance and when. One small entry per
	 * channel with messages since start (channels are few); also read for the channel list.
	 */
	readonly #last = new Map<string, LastStored>();
	readonly #loading = new Map<string, Load>();
	#hits = 0;
	#misses = 0;

	constructor(
		readonly options: cache.ReadCacheOptions,
		private readonly enabled: () => boolean
	) {
		this.#lru = new LRUCache<string, Tail>({
			maxSize: options.maxSize,
			sizeCalculation: (tail) => tail.bytes,
			ttl: options.ttlMs
		});
	}

	/** A page of the channel's history from memory, or null: the caller asks the database. */
	async page(channelId: string, req: HistoryRequest): Promise<ChatMessageDto[] | null> {
		if (!this.enabled()) return null;
		const tail = await this.#current(channelId);
		const page = tail && pageOf(tail, req);
		if (page) this.#hits++;
		else this.#misses++;
		return page;
	}

	/** The id of the channel's message `seq` when the tail holds it (null: ask the database). */
	async idOf(channelId: string, seq: number): Promise<string | null> {
		if (!this.enabled()) return null;
		const tail = await this.#current(channelId);
		return tail?.messages.find((m) => m.seq === seq)?.id ?? null;
	}

	/** The channel's newest stored message as known here (from any instance), if any since start. */
	lastStored(channelId: string): LastStored | undefined {
		return this.#last.get(channelId);
	}

	/** Messages this instance stored, in seq order: added here and announced to the others. */
	stored(channelId: string, messages: ChatMessageDto[]): void {
		if (messages.length === 0) return;
		this.extend(channelId, messages);
		cache.announceExtended('chatTails', channelId, messages);
	}

	/** Messages stored here or on another instance, in seq order, continue the channel's tail. */
	extend(channelId: string, items: unknown[]): void {
		const messages = items as ChatMessageDto[];
		const newest = messages.at(-1);
		if (!newest) return;
		if ((this.#last.get(channelId)?.seq ?? 0) < newest.seq)
			this.#last.set(channelId, { seq: newest.seq, at: newest.createdAt });
		this.#continue(channelId, messages);
	}

	/** An edit, deletion or reaction stored here: shown here at once, dropped elsewhere. */
	changed(message: ChatMessageDto): void {
		this.#markStale(message.channelId);
		const tail = this.#lru.peek(message.channelId);
		const index = tail?.messages.findIndex((m) => m.seq === message.seq) ?? -1;
		if (tail && index >= 0) {
			const messages = tail.messages.with(index, message);
			const bytes = tail.bytes - sizeOf(tail.messages[index]!) + sizeOf(message);
			this.#lru.set(message.channelId, { ...tail, messages, bytes }, { noUpdateTTL: true });
		}
		cache.announceChanged('chatTails', message.channelId);
	}

	delete(keys: readonly string[]): void {
		for (const key of keys) {
			this.#markStale(key);
			this.#lru.delete(key);
		}
	}

	/** Tails are not tagged: access is checked before every read, never cached here. */
	deleteTagged(): void {}

	clear(): void {
		for (const load of this.#loading.values()) load.stale = true;
		this.#lru.clear();
	}

	stats(): cache.ReadCacheStats {
		return cache.lruStats('chatTails', this.#lru, this.options.maxSize, this.#hits, this.#misses);
	}

	/** The channel's tail, loaded or filled up to the last seq known stored; null if it cannot be. */
	async #current(channelId: string): Promise<Tail | null> {
		for (let attempt = 0; attempt < 3; attempt++) {
			const tail = this.#lru.get(channelId);
			if (tail && tail.lastSeq >= (this.#last.get(channelId)?.seq ?? 0)) return tail;
			await this.#refresh(channelId, tail);
		}
		return null;
	}

	/** One load or fill per channel at a time; concurrent readers wait for it. */
	#refresh(channelId: string, tail: Tail | undefined): Promise<void> {
		const running = this.#loading.get(channelId);
		if (running) return running.done;
		const load: Load = { done: Promise.resolve(), stale: false };
		const work = tail ? this.#fill(channelId, tail.lastSeq, load) : this.#load(channelId, load);
		load.done = work.finally(() => {
			if (this.#loading.get(channelId) === load) this.#loading.delete(channelId);
		});
		this.#loading.set(channelId, load);
		return load.done;
	}

	/** The channel's newest messages from the database. */
	async #load(channelId: string, load: Load): Promise<void> {
		const rows = await Message.find({ channelId: oid(channelId) })
			.sort({ seq: -1 })
			.limit(capacity)
			.lean<MessageLean[]>();
		if (load.stale) return;
		const messages = rows.reverse().map(toMessageDto);
		this.#lru.set(channelId, {
			messages,
			floor: rows.length < capacity ? 1 : messages[0]!.seq,
			lastSeq: messages.at(-1)?.seq ?? 0,
			bytes: messages.reduce((sum, m) => sum + sizeOf(m), emptySize)
		});
	}

	/** The messages after `lastSeq` (stored elsewhere, announced late or not at all). */
	async #fill(channelId: string, lastSeq: number, load: Load): Promise<void> {
		const rows = await Message.find({ channelId: oid(channelId), seq: trusted({ $gt: lastSeq }) })
			.sort({ seq: 1 })
			.limit(capacity)
			.lean<MessageLean[]>();
		if (load.stale) return;
		// Far behind, or a hole in the stored seqs: the newest are loaded afresh.
		if (rows.length === capacity || !this.#continue(channelId, rows.map(toMessageDto)))
			this.#lru.delete(channelId);
	}

	/**
	 * Appends in seq order up to the first message beyond the next seq (a hole: one announced
	 * before the ones before it). The tail then stays behind the last known seq and the next
	 * read fills it from the database. False when it stopped at a hole.
	 */
	#continue(channelId: string, added: ChatMessageDto[]): boolean {
		const tail = this.#lru.peek(channelId);
		if (!tail) return true;
		let { lastSeq, bytes } = tail;
		const fresh: ChatMessageDto[] = [];
		for (const m of added) {
			if (m.seq <= lastSeq) continue;
			if (m.seq !== lastSeq + 1) break;
			fresh.push(m);
			lastSeq = m.seq;
			bytes += sizeOf(m);
		}
		if (fresh.length > 0) {
			const messages = [...tail.messages, ...fresh];
			const dropped = messages.splice(0, Math.max(0, messages.length - capacity));
			for (const m of dropped) bytes -= sizeOf(m);
			const floor = dropped.length > 0 ? messages[0]!.seq : tail.floor;
			this.#lru.set(channelId, { messages, floor, lastSeq, bytes }, { noUpdateTTL: true });
		}
		return (added.at(-1)?.seq ?? 0) <= lastSeq;
	}

	#markStale(channelId: string): void {
		const load = this.#loading.get(channelId);
		if (load) load.stale = true;
	}
}

export const tails = cache.own(
	'chatTails',
	(options, enabled) => new ChannelTails(options, enabled)
);
