import type { Types } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { ForumThreadState } from '../db/models';
import { settle, type Result } from '../result';
import { loadReadableThread, type ThreadLean } from './access';

/** How closely a member follows a thread: watchers are notified of replies. */
export type WatchLevel = 'watching' | 'normal' | 'muted';

/** The member's read position and watch level in a thread (none yet: never opened). */
export function readState(memberId: string, threadId: Types.ObjectId) {
	return ForumThreadState.findOne({ memberId: oid(memberId), threadId }).lean();
}

/** Where "jump to first unread" lands: the page that starts a few posts before it. */
export async function firstUnreadNumber(actor: Actor, thread: ThreadLean): Promise<number> {
	const state = await readState(actor.id, thread._id);
	return Math.min((state?.lastReadNumber ?? 0) + 1, Math.max(1, thread.lastNumber));
}

/** Moves the member's read position forward (never back). */
export async function markRead(memberId: string, threadId: Types.ObjectId, number: number) {
	const filter = { memberId: oid(memberId), threadId };
	// Two tabs upserting at once: the other one created the row; the position still moves.
	await unlessDuplicate(
		() =>
			ForumThreadState.updateOne(
				filter,
				{ $max: { lastReadNumber: number }, $setOnInsert: { level: 'normal' } },
				{ upsert: true }
			),
		() => ForumThreadState.updateOne(filter, { $max: { lastReadNumber: number } })
	);
}

export function setWatchLevel(
	actor: Actor,
	input: { threadId: string; level: WatchLevel }
): Promise<Result<null>> {
	return settle(async () => {
		const { thread } = await loadReadableThread(actor, input.threadId);
		const filter = { memberId: oid(actor.id), threadId: thread._id };
		await unlessDuplicate(
			() =>
				ForumThreadState.updateOne(
					filter,
					{ $set: { level: input.level }, $setOnInsert: { lastReadNumber: 0 } },
					{ upsert: true }
				),
			() => ForumThreadState.updateOne(filter, { $set: { level: input.level } })
		);
		return null;
	});
}

/** Authors and repliers watch a thread unless they muted it. */
export async function watchByDefault(memberId: string, threadId: Types.ObjectId, number: number) {
	const state = await readState(memberId, threadId);
	if (!state) {
		await unlessDuplicate(
			() =>
				ForumThreadState.create({
					memberId: oid(memberId),
					threadId,
					lastReadNumber: number,
					level: 'watching'
				}),
			() => null
		);
		return;
	}
	await ForumThreadState.updateOne(
		{ _id: state._id },
		{
			$set: { level: state.level === 'muted' ? 'muted' : 'watching' },
			$max: { lastReadNumber: number }
		}
	);
}

/** Members watching a thread (for reply notifications). */
export async function watchersOf(threadId: Types.ObjectId): Promise<string[]> {
	const rows = await ForumThreadState.find({ threadId, level: 'watching' }, { memberId: 1 }).lean();
	return rows.map((w) => w.memberId.toString());
}
