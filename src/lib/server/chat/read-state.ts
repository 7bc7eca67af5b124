import type { Actor } from '../auth/permissions';
import * as cache from '../cache';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { ChannelRead } from '../db/models';
import { requireChannel } from './channels';

/**
 * A read position's document id, one per member and channel. Every read and write of a position
 * filters by this `_id` alone: the embedded database answers only an exact `_id` filter from an
 * index, any other filter scans the whole collection (one row per member and channel).
 */
export const readPositionId = (memberId: string, channelId: string) => `${memberId}:${channelId}`;

export interface ReadPosition {
	memberId: string;
	channelId: string;
	seq: number;
}

/** The update that moves a position forward, never back ($max), creating it when missing. */
function advanceUpdate({ memberId, channelId, seq }: ReadPosition) {
	return {
		$max: { lastReadSeq: seq },
		$set: { updatedAt: new Date() },
		$setOnInsert: { memberId: oid(memberId), channelId: oid(channelId) }
	};
}

/**
 * Read positions by their id, as stored (0 when none): the channel list reads one per channel
 * on every page. Each write moves the cached one forward here and drops it on other instances.
 */
const cached = cache.named<number>('chatReads');

/** Moves read positions forward (never back), all in one round trip. */
export async function advanceReads(positions: ReadPosition[]): Promise<void> {
	if (positions.length === 0) return;
	const ops = (upsert: boolean) =>
		positions.map((p) => ({
			updateOne: {
				filter: { _id: readPositionId(p.memberId, p.channelId) },
				update: advanceUpdate(p),
				upsert
			}
		}));
	await unlessDuplicate(
		() => ChannelRead.bulkWrite(ops(true), { ordered: false }),
		// Another writer created one of them first: every document exists now, $max does the rest.
		() => ChannelRead.bulkWrite(ops(false), { ordered: false })
	);
	const keys = positions.map((p) => readPositionId(p.memberId, p.channelId));
	positions.forEach((p, i) => cached.update(keys[i]!, (seq) => Math.max(seq, p.seq)));
	cache.announceChanged('chatReads', ...keys);
}

/** Moves the actor's read position forward (never back); answers the position now stored. */
export async function markRead(actor: Actor, channelId: string, seq: number): Promise<number> {
	const channel = await requireChannel(actor, channelId);
	await advanceReads([{ memberId: actor.id, channelId: channel.id, seq }]);
	return lastReadSeq(actor, channel.id);
}

export async function lastReadSeq(actor: Actor, channelId: string): Promise<number> {
	return (await readSeqs(actor.id, [channelId])).get(channelId) ?? 0;
}

/** The member's read positions in these channels (channel id -> seq), each an `_id` lookup. */
export async function readSeqs(
	memberId: string,
	channelIds: string[]
): Promise<Map<string, number>> {
	const keys = channelIds.map((channelId) => readPositionId(memberId, channelId));
	const found = await cached.getMany(keys, async (missing) => {
		const rows = await Promise.all(
			missing.map((id) => ChannelRead.findById(id, { lastReadSeq: 1 }).lean())
		);
		return new Map(missing.map((id, i) => [id, rows[i]?.lastReadSeq ?? 0]));
	});
	return new Map(channelIds.map((id, i) => [id, found.get(keys[i]!) ?? 0]));
}

/**
 * Positions stored before they were keyed by member and channel carry a generated id. Each is
 * rewritten under its key (once, at start: db/migrations.ts); the old one goes first, as the
 * unique (member, channel) index would refuse the new one beside it.
 */
export async function rekeyReadPositions(): Promise<number> {
	// The driver's collection, not the model: the model would turn the old ids into strings.
	const old = await ChannelRead.collection.find({ _id: { $type: 'objectId' } }).toArray();
	for (const row of old) {
		await ChannelRead.collection.deleteOne({ _id: row._id });
		await advanceReads([
			{
				memberId: String(row.memberId),
				channelId: String(row.channelId),
				seq: Number(row.lastReadSeq ?? 0)
			}
		]);
	}
	return old.length;
}
