import type { Types } from 'mongoose';
import { trusted } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { Member } from '../db/models';
import { extractMentions, markdownToText } from '../markdown';
import { findMemberIdsByHandles } from '../members';
import { notify } from '../notifications';
import { readsCategory, type CategoryLean, type ThreadLean } from './access';
import { postLink } from './links';
import { watchersOf } from './read-state';

interface NewPost {
	threadId: Types.ObjectId;
	title: string;
	body: string;
	number: number;
}

async function actorName(actor: Actor): Promise<string> {
	const self = await Member.findById(oid(actor.id), { displayName: 1 }).lean();
	return self?.displayName ?? '';
}

/**
 * Notifies those of the given members who may still read the category (a watcher of a moved
 * thread may have lost access) and did not turn this kind of notification off.
 */
async function notifyReaders(
	actor: Actor,
	memberIds: string[],
	category: CategoryLean,
	kind: 'mention' | 'reply',
	post: NewPost
): Promise<string[]> {
	if (memberIds.length === 0) return [];
	const members = await Member.find(
		{ _id: trusted({ $in: memberIds.map(oid) }), deactivatedAt: null },
		{ roles: 1, cohortIds: 1, notifications: 1 }
	).lean();
	const setting = kind === 'mention' ? 'mentions' : 'replies';
	const recipients = members
		.filter(
			(m) =>
				m.notifications?.[setting] !== false &&
				readsCategory(
					{ id: m._id.toString(), roles: m.roles, cohortIds: m.cohortIds.map(String) },
					category
				)
		)
		.map((m) => m._id.toString());
	await notify(recipients, {
		kind,
		actorId: actor.id,
		actorName: await actorName(actor),
		title: post.title,
		text: markdownToText(post.body, 200),
		link: postLink(post.threadId.toString(), post.number)
	});
	return recipients;
}

/** Members @mentioned in a new post; answers who was notified. */
export async function notifyMentions(
	actor: Actor,
	category: CategoryLean,
	post: NewPost
): Promise<string[]> {
	const handles = extractMentions(post.body);
	if (handles.length === 0) return [];
	const ids = [...(await findMemberIdsByHandles(handles)).values()];
	return notifyReaders(actor, ids, category, 'mention', post);
}

/** Watchers of the thread, except those in `skip` (the author, the mentioned). */
export async function notifyWatchers(
	actor: Actor,
	thread: ThreadLean,
	category: CategoryLean,
	post: NewPost,
	skip: string[]
): Promise<void> {
	const ids = (await watchersOf(thread._id)).filter((id) => !skip.includes(id));
	await notifyReaders(actor, ids, category, 'reply', post);
}
