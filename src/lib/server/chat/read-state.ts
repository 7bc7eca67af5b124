import { trusted } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { ChannelRead } from '../db/models';
import { requireChannel } from './channels';

/** Moves a member's read position in a channel forward, never back. */
export async function advanceRead(memberId: string, channelId: string, seq: number) {
	const filter = { channelId: oid(channelId), memberId: oid(memberId) };
	await unlessDuplicate(
		() =>
			ChannelRead.updateOne(
				{ ...filter, lastReadSeq: trusted({ $lt: seq }) },
				{ $set: { lastReadSeq: seq, updatedAt: new Date() } },
				{ upsert: true }
			),
		// The pair exists with a higher position: the upsert collided with the unique index.
		() => null
	);
	return filter;
}

/** Moves the actor's read position forward (never back); answers the position now stored. */
export async function markRead(actor: Actor, channelId: string, seq: number): Promise<number> {
	const channel = await requireChannel(actor, channelId);
	const filter = await advanceRead(actor.id, channel.id, seq);
	const row = await ChannelRead.findOne(filter, { lastReadSeq: 1 }).lean();
	return row?.lastReadSeq ?? seq;
}

export async function lastReadSeq(actor: Actor, channelId: string): Promise<number> {
	const row = await ChannelRead.findOne(
		{ channelId: oid(channelId), memberId: oid(actor.id) },
		{ lastReadSeq: 1 }
	).lean();
	return row?.lastReadSeq ?? 0;
}
