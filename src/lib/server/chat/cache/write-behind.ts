import { trusted } from 'mongoose';
import { oid } from '../../db/ids';
import { Channel } from '../../db/models';
import { errorFields, log } from '../../log';
import { advanceRead } from '../read-state';

/**
 * Embedded-database limit: every write costs FerretDB tens of milliseconds, so two extra
 * writes per message (the channel's "last message", the sender's read position) would triple
 * what a busy channel writes. They are coalesced here: under a burst, one write per channel
 * and per member every 250 ms. The messages themselves are never buffered. On MongoDB the two
 * writes could be made with each message. Flushed on shutdown (hooks.server.ts).
 */
const delayMs = 250;
const channelSeq = new Map<string, { seq: number; at: Date }>();
const reads = new Map<string, { memberId: string; channelId: string; seq: number }>();
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
	const readKey = `${authorId}:${channelId}`;
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
	channelSeq.clear();
	reads.clear();
	await Promise.all([
		...channels.map(([id, { seq, at }]) =>
			Channel.updateOne(
				{ _id: oid(id), lastSeq: trusted({ $lt: seq }) },
				{ $set: { lastSeq: seq, lastMessageAt: at } }
			)
		),
		...positions.map((r) => advanceRead(r.memberId, r.channelId, r.seq))
	]);
}
