import type { Types } from 'mongoose';
import type { Actor } from '../auth/permissions';
import * as cache from '../cache';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { ForumThreadState } from '../db/models';
import { settle, type Result } from '../result';
import { loadReadableThread, type ThreadLean } from './access';

/** How closely a member follows a thread: watchers are notified of replies. */
export type WatchLevel = 'watching' | 'normal' | 'muted';

export interface ReadState {
	lastReadNumber: number;
	level: WatchLevel;
}

/** A member's read states by thread id; one query per member, then kept in the cache. */
export type ReadStates = Record<string, ReadState>;

const readStates = cache.named<ReadStates>('readStates');

export function readStatesOf(memberId: string): Promise<ReadStates> {
	return readStates.get(
		memberId,
		async () => {
			const rows = await ForumThreadState.find(
				{ memberId: oid(memberId) },
				{ threadId: 1, lastReadNumber: 1, level: 1 }
			).lean();
			return Object.fromEntries(
				rows.map((r) => [
					r.threadId.toString(),
					{ lastReadNumber: r.lastReadNumber, level: r.level as WatchLevel }
				])
			);
		},
		() => [cache.tags.member(memberId)]
	);
}

/** The member's read position and watch level in a thread (none yet: never opened). */
export async function readState(
	memberId: string,
	threadId: Types.ObjectId
): Promise<ReadState | null> {
	return (await readStatesOf(memberId))[threadId.toString()] ?? null;
}

/** After a write: the writer's copy follows at once, other instances read it again. */
function remember(
	memberId: string,
	threadId: Types.ObjectId,
	change: (state: ReadState | undefined) => ReadState
): void {
	const id = threadId.toString();
	cache.changeHere<ReadStates>('readStates', memberId, (states) => ({
		...states,
		[id]: change(states[id])
	}));
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
	remember(memberId, threadId, (state) => ({
		lastReadNumber: Math.max(number, state?.lastReadNumber ?? 0),
		level: state?.level ?? 'normal'
	}));
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
		remember(actor.id, thread._id, (state) => ({
			lastReadNumber: state?.lastReadNumber ?? 0,
			level: input.level
		}));
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
	} else {
		await ForumThreadState.updateOne(
			{ memberId: oid(memberId), threadId },
			{
				$set: { level: state.level === 'muted' ? 'muted' : 'watching' },
				$max: { lastReadNumber: number }
			}
		);
	}
	remember(memberId, threadId, (current) => ({
		lastReadNumber: Math.max(number, current?.lastReadNumber ?? 0),
		level: current?.level === 'muted' ? 'muted' : 'watching'
	}));
}

/** Members watching a thread (for reply notifications). */
export async function watchersOf(threadId: Types.ObjectId): Promise<string[]> {
	const rows = await ForumThreadState.find({ threadId, level: 'watching' }, { memberId: 1 }).lean();
	return rows.map((w) => w.memberId.toString());
}
