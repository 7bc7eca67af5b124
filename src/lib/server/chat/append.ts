import { Types, trusted } from 'mongoose';
import { Message } from '../db/models';
import { isDuplicateKeyError } from '../db/errors';
import { tails } from './cache/tail';
import { toMessageDto, type MessageLean } from './message-dto';

/**
 * Appends messages to channels with gap-free sequence numbers, written together.
 *
 * The rule is the one of `insertWithNextSeq` (db/sequence.ts): the number is max + 1 and the
 * unique (channelId, seq) index decides races between instances. What this adds is a group
 * commit: one insert is in flight for the whole process, and everything sent meanwhile, in any
 * channel, goes into the next ordered insertMany with consecutive numbers per channel. The
 * embedded database commits one transaction at a time, about a hundred per second however many
 * are waiting, so one insert per message would cap the whole network's chat there.
 *
 * An ordered insertMany stops at the first error, so a channel never gets a hole: after a
 * conflict the stored messages are looked up by their ids, a retry with the same clientId finds
 * its message, and the rest are queued again after re-reading the channel's maximum.
 *
 * The highest seq this process stored stays known between bursts: reading the maximum sorts the
 * whole message collection on the embedded database, so it is read only for a channel's first
 * send here and after a conflict (another instance took the number, or the guess was stale).
 *
 * Every message stored here continues its channel's tail in memory on every instance
 * (cache/tail.ts), in seq order, before its sender learns it is stored.
 */
export interface AppendItem {
	clientId: string;
	build: (seq: number) => Record<string, unknown>;
}
export interface Appended<T> {
	doc: T;
	created: boolean;
}

interface Waiting<T> extends AppendItem {
	id: Types.ObjectId;
	attempts: number;
	resolve: (result: Appended<T>) => void;
	reject: (err: unknown) => void;
}

interface ChannelQueue {
	channelId: Types.ObjectId;
	waiting: Waiting<unknown>[];
	/** The highest seq this process knows to be taken; null after a conflict (re-read). */
	lastSeq: number | null;
}

/** One channel's share of a write: its messages numbered from `first`. */
interface Group {
	queue: ChannelQueue;
	items: Waiting<unknown>[];
	first: number;
}

/** Per channel and per write; a write takes at most `maxWrite` messages in all. */
const maxBatch = 50;
const maxWrite = 500;
const maxAttempts = 20;
/** One small entry per channel that has had a send here; idle ones beyond this are dropped. */
const maxKnownChannels = 10_000;
const queues = new Map<string, ChannelQueue>();
/** Channels with messages waiting, in the order they are served: longest waiting first. */
const ready = new Set<ChannelQueue>();
let writing = false;

export function appendMessage<T>(
	channelId: Types.ObjectId,
	item: AppendItem
): Promise<Appended<T>> {
	const key = channelId.toString();
	let queue = queues.get(key);
	if (!queue) {
		queue = { channelId, waiting: [], lastSeq: null };
		queues.set(key, queue);
	}
	const q = queue;
	return new Promise<Appended<T>>((resolve, reject) => {
		q.waiting.push({
			...item,
			id: new Types.ObjectId(),
			attempts: 0,
			resolve: resolve as Waiting<unknown>['resolve'],
			reject
		});
		ready.add(q);
		if (!writing) void writeAll();
	});
}

async function currentMax(channelId: Types.ObjectId): Promise<number> {
	const last = await Message.findOne({ channelId }, { seq: 1 }).sort({ seq: -1 }).lean();
	return last?.seq ?? 0;
}

/** Writes until no channel has a message waiting; only one runs at a time. */
async function writeAll() {
	writing = true;
	try {
		for (let taken = takeWaiting(); taken.length > 0; taken = takeWaiting())
			await write(taken).catch((err: unknown) => {
				for (const { queue, items } of taken) {
					queue.lastSeq = null;
					for (const item of items) item.reject(err);
				}
			});
	} finally {
		writing = false;
		forgetIdleChannels();
	}
}

/** The next write's messages, channel by channel, the longest waiting channels first. */
function takeWaiting(): Omit<Group, 'first'>[] {
	const taken: Omit<Group, 'first'>[] = [];
	let total = 0;
	for (const queue of [...ready]) {
		if (total >= maxWrite) break;
		const items = queue.waiting.splice(0, Math.min(maxBatch, maxWrite - total));
		total += items.length;
		taken.push({ queue, items });
		ready.delete(queue);
		if (queue.waiting.length > 0) ready.add(queue); // to the back of the line
	}
	return taken;
}

/** Bounds the map: the longest-idle channels go first (they re-read their maximum). */
function forgetIdleChannels() {
	if (queues.size <= maxKnownChannels) return;
	for (const [key, queue] of queues) {
		if (queues.size <= maxKnownChannels) break;
		if (queue.waiting.length === 0) queues.delete(key);
	}
}

async function write(taken: Omit<Group, 'first'>[]) {
	const groups: Group[] = [];
	await Promise.all(
		taken.map(async ({ queue, items }) => {
			try {
				queue.lastSeq ??= await currentMax(queue.channelId);
				groups.push({ queue, items, first: queue.lastSeq + 1 });
			} catch (err) {
				for (const item of items) item.reject(err);
			}
		})
	);
	// Plain documents with the schema's defaults, inserted lean: they are built here from
	// validated input, and hydrating and validating each one again cost more app CPU than
	// anything else per message but the broadcast (bench chat-many).
	const docs = groups.flatMap(({ items, first }) =>
		items.map((item, i) => Message.applyDefaults({ ...item.build(first + i), _id: item.id }))
	);
	if (docs.length === 0) return;
	try {
		const inserted = await Message.insertMany(docs, { ordered: true, lean: true });
		let at = 0;
		for (const { queue, items, first } of groups) {
			queue.lastSeq = first + items.length - 1;
			const stored = inserted.slice(at, (at += items.length));
			tails.stored(queue.channelId.toString(), stored.map(toMessageDto));
			items.forEach((item, i) => item.resolve({ doc: stored[i], created: true }));
		}
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
		await recoverFromConflict(groups);
	}
}

/**
 * After a conflict: which messages are stored (those before the failing one), which already
 * existed (a retry of a stored clientId), and which go back to the front of their queue.
 */
async function recoverFromConflict(groups: Group[]) {
	const ids = groups.flatMap(({ items }) => items.map((item) => item.id));
	const stored = new Map(
		(await Message.find({ _id: trusted({ $in: ids }) }).lean<MessageLean[]>()).map((d) => [
			d._id.toString(),
			d
		])
	);
	for (const { queue, items, first } of groups) {
		const ownStored = items.flatMap((item) => stored.get(item.id.toString()) ?? []);
		tails.stored(queue.channelId.toString(), ownStored.map(toMessageDto));
		if (items.every((item) => stored.has(item.id.toString()))) {
			queue.lastSeq = first + items.length - 1;
			for (const item of items)
				item.resolve({ doc: stored.get(item.id.toString()), created: true });
			continue;
		}
		queue.lastSeq = null;
		const again: Waiting<unknown>[] = [];
		for (const item of items) {
			const own = stored.get(item.id.toString());
			if (own) {
				item.resolve({ doc: own, created: true });
				continue;
			}
			const existing = await Message.findOne({
				channelId: queue.channelId,
				clientId: item.clientId
			}).lean();
			if (existing && !stored.has(existing._id.toString())) {
				item.resolve({ doc: existing, created: false });
			} else if (++item.attempts >= maxAttempts) {
				item.reject(new Error('could not take a sequence number'));
			} else {
				again.push(item);
			}
		}
		queue.waiting.unshift(...again);
		if (again.length > 0) ready.add(queue);
	}
}
