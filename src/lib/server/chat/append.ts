import { Types, trusted } from 'mongoose';
import { Message } from '../db/models';
import { isDuplicateKeyError } from '../db/errors';
import { tails } from './cache/tail';
import { toMessageDto, type MessageLean } from './message-dto';

/**
 * Appends messages to a channel with gap-free sequence numbers, in batches.
 *
 * The rule is the one of `insertWithNextSeq` (db/sequence.ts): the number is max + 1 and the
 * unique (channelId, seq) index decides races between instances. What this adds is batching:
 * sends that arrive while an insert for the channel is running are written together by the
 * next ordered insertMany with consecutive numbers. Each insert on the embedded database costs
 * tens of milliseconds, so one at a time caps a busy channel at a few dozen messages per second.
 *
 * An ordered insertMany stops at the first error, so a batch never leaves a hole: the messages
 * before the conflict are stored, the conflicting one and the rest are looked up (a retry with
 * the same clientId finds its message) or queued again after re-reading the maximum.
 *
 * The highest seq this process stored stays known between bursts: reading the maximum sorts the
 * whole message collection on the embedded database, so it is read only for a channel's first
 * send here and after a conflict (another instance took the number, or the guess was stale).
 *
 * Every message stored here continues the channel's tail in memory on every instance
 * (cache/tail.ts), in seq order, once it is stored.
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
	waiting: Waiting<unknown>[];
	running: boolean;
	/** The highest seq this process knows to be taken; null after a conflict (re-read). */
	lastSeq: number | null;
}

const maxBatch = 50;
const maxAttempts = 20;
/** One small entry per channel that has had a send here; idle ones beyond this are dropped. */
const maxKnownChannels = 10_000;
const queues = new Map<string, ChannelQueue>();

export function appendMessage<T>(
	channelId: Types.ObjectId,
	item: AppendItem
): Promise<Appended<T>> {
	const key = channelId.toString();
	let queue = queues.get(key);
	if (!queue) {
		queue = { waiting: [], running: false, lastSeq: null };
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
		if (!q.running) void drain(channelId, q);
	});
}

async function currentMax(channelId: Types.ObjectId): Promise<number> {
	const last = await Message.findOne({ channelId }, { seq: 1 }).sort({ seq: -1 }).lean();
	return last?.seq ?? 0;
}

async function drain(channelId: Types.ObjectId, queue: ChannelQueue) {
	queue.running = true;
	try {
		while (queue.waiting.length > 0) {
			const batch = queue.waiting.splice(0, maxBatch);
			try {
				await insertBatch(channelId, queue, batch);
			} catch (err) {
				queue.lastSeq = null;
				for (const item of batch) item.reject(err);
			}
		}
	} finally {
		queue.running = false;
		forgetIdleChannels();
	}
}

/** Bounds the map: the earliest-known idle channels go first (they re-read their maximum). */
function forgetIdleChannels() {
	if (queues.size <= maxKnownChannels) return;
	for (const [key, queue] of queues) {
		if (queues.size <= maxKnownChannels) break;
		if (!queue.running && queue.waiting.length === 0) queues.delete(key);
	}
}

async function insertBatch(
	channelId: Types.ObjectId,
	queue: ChannelQueue,
	batch: Waiting<unknown>[]
) {
	queue.lastSeq ??= await currentMax(channelId);
	const first = queue.lastSeq + 1;
	const docs = batch.map((item, i) => ({ ...item.build(first + i), _id: item.id }));
	try {
		const inserted = (await Message.insertMany(docs, { ordered: true })).map((d) => d.toObject());
		queue.lastSeq = first + batch.length - 1;
		tails.stored(channelId.toString(), inserted.map(toMessageDto));
		batch.forEach((item, i) => item.resolve({ doc: inserted[i]!, created: true }));
		return;
	} catch (err) {
		queue.lastSeq = null;
		if (!isDuplicateKeyError(err)) throw err;
	}
	// A conflict: find out which of the batch are stored, which already existed, and retry the rest.
	const stored = await Message.find({ _id: trusted({ $in: batch.map((b) => b.id) }) })
		.sort({ seq: 1 })
		.lean<MessageLean[]>();
	const storedIds = new Set(stored.map((d) => d._id.toString()));
	tails.stored(channelId.toString(), stored.map(toMessageDto));
	const again: Waiting<unknown>[] = [];
	for (const item of batch) {
		const own = stored.find((d) => d._id.toString() === item.id.toString());
		if (own) {
			item.resolve({ doc: own, created: true });
			continue;
		}
		const existing = await Message.findOne({ channelId, clientId: item.clientId }).lean();
		if (existing && !storedIds.has(existing._id.toString())) {
			item.resolve({ doc: existing, created: false });
		} else if (++item.attempts >= maxAttempts) {
			item.reject(new Error('could not take a sequence number'));
		} else {
			again.push(item);
		}
	}
	queue.waiting.unshift(...again);
}
