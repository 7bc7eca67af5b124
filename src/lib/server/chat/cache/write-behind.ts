import { oid } from '../../db/ids';
import { Channel } from '../../db/models';
import { errorFields, log } from '../../log';
import { advanceReads, readPositionId, type ReadPosition } from '../read-state';

/**
 * Embedded-database limit: every write costs FerretDB milliseconds of CPU, so two extra writes
 * per message (the channel's "last message", the sender's read position) would triple what a
 * busy channel writes. They are coalesced here: under a burst, at most one write per channel
 * and per member and channel each second, all of them in two round trips. The messages
 * themselves are never buffered. Until written, listChannels reads the noted positions from
 * here. On MongoDB the two writes could be made with each message. Flushed on shutdown
 * (hooks.server.ts).
 */
const delayMs = 1000;
const channelSeq = new Map<string, { seq: number; at: Date }>();
const reads = new Map<string, ReadPosition>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Notes a stored message: the channel's last message and the sender's read position. */
export function noteSent(message: {
	channelId: string;
	seq: number;
	authorId: string;
	createdAt: string;
}): void {
	const { channelId, seq, authorId } = message;
	if ((channelSeq.get(channelId)?.seq ?? 0) < seq)
		channelSeq.set(channelId, { seq, at: new Date(message.createdAt) });
	const readKey = readPositionId(authorId, channelId);
	if ((reads.get(readKey)?.seq ?? 0) < seq)
		reads.set(readKey, { memberId: authorId, channelId, seq });
	timer ??= setTimeout(() => {
		timer = null;
		void flushPendingWrites().catch((err: unknown) =>
			log.warn('Chat bookkeeping after send failed', errorFields(err))
		);
	}, delayMs);
}

// One flush at a time: two at once could let an older "last message" land after a newer one,
// as FerretDB applies concurrent conditional updates of one document non-atomically.
let inFlight: Promise<void> = Promise.resolve();

/** Writes everything noted so far; the shutdown hook awaits it before closing the database. */
export function flushPendingWrites(): Promise<void> {
	if (timer) clearTimeout(timer);
	timer = null;
	const run = inFlight.catch(() => undefined).then(writeNoted);
	inFlight = run;
	return run;
}

async function writeNoted(): Promise<void> {
	const channels = [...channelSeq];
	const positions = [...reads.values()];
	// Filtered by `_id` alone (an index look-up on the embedded database); $max keeps the newest.
	const channelUpdates = channels.map(([id, { seq, at }]) => ({
		updateOne: {
			filter: { _id: oid(id) },
			update: { $max: { lastSeq: seq, lastMessageAt: at } }
		}
	}));
	await Promise.all([
		channelUpdates.length > 0 ? Channel.bulkWrite(channelUpdates, { ordered: false }) : null,
		advanceReads(positions)
	]);
	// Only now: until written, listChannels counts on the noted values (a sender's own messages
	// would show as unread meanwhile). A note that replaced one during the write stays for the
	// next flush, and after a failed write everything stays.
	for (const [id, noted] of channels) if (channelSeq.get(id) === noted) channelSeq.delete(id);
	for (const position of positions) {
		const key = readPositionId(position.memberId, position.channelId);
		if (reads.get(key) === position) reads.delete(key);
	}
}

/** The channel's last seq noted here and not yet written (0 when none). */
export function pendingLastSeq(channelId: string): number {
	return channelSeq.get(channelId)?.seq ?? 0;
}

/** The member's read position noted here and not yet written (0 when none). */
export function pendingReadSeq(memberId: string, channelId: string): number {
	return reads.get(readPositionId(memberId, channelId))?.seq ?? 0;
}
