import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import type { ForumCategoryDoc, ForumThreadDoc } from '../db/models';
import { allCategories, findCategory, findThread } from './cached';
import { Refusal, type FailureCode } from '../result';

/**
 * Why a forum operation is refused: the key of its text in `forum.errors`, and the kind of
 * failure (which decides the answer's status). A locked thread or an unknown category is a
 * form error (400), like a bad input.
 */
const refusals = {
	not_found: 'not_found',
	forbidden: 'forbidden',
	locked: 'invalid',
	unknown_category: 'invalid',
	category_forbidden: 'forbidden',
	unknown_tag: 'invalid',
	not_author: 'invalid',
	already_reported: 'conflict',
	same_thread: 'invalid',
	invalid_split: 'invalid',
	slug_taken: 'conflict'
} as const satisfies Record<string, FailureCode>;

export type ForumRefusal = keyof typeof refusals;

/** Thrown inside the forum's services; each exported service answers it as a failed result. */
export const refusal = (reason: ForumRefusal, field?: string) =>
	new Refusal(refusals[reason], `forum.errors.${reason}`, field);

export type CategoryLean = ForumCategoryDoc;
export type ThreadLean = ForumThreadDoc;

export const readsCategory = (actor: Actor, category: CategoryLean) =>
	can(actor, 'forum:read', category);
export const postsInCategory = (actor: Actor, category: CategoryLean) =>
	can(actor, 'forum:post', category);
export const moderatesCategory = (actor: Actor, category: CategoryLean) =>
	can(actor, 'forum:moderate', category);

/**
 * Why the member may not write in a thread (reply, or edit their own posts), or null: they must
 * be allowed to post in the category, and the thread must be open unless they moderate it.
 */
export function writeRefusal(
	actor: Actor,
	category: CategoryLean,
	thread: { locked: boolean }
): 'category_forbidden' | 'locked' | null {
	if (!postsInCategory(actor, category)) return 'category_forbidden';
	if (thread.locked && !moderatesCategory(actor, category)) return 'locked';
	return null;
}

/** What the thread page offers the member, by the rules the services refuse by. */
export function threadPermissions(
	actor: Actor,
	category: CategoryLean,
	thread: { locked: boolean }
) {
	const moderate = moderatesCategory(actor, category);
	const refusal = writeRefusal(actor, category, thread);
	return {
		reply: refusal === null,
		/** Why not, for the notice in place of the reply form. */
		replyRefusal: refusal,
		editOwnPosts: moderate || refusal === null,
		editAllPosts: moderate
	};
}

export async function loadCategory(id: string): Promise<CategoryLean | null> {
	if (!isObjectId(id)) return null;
	const _id = oid(id);
	return findCategory((c) => c._id.equals(_id));
}

/** The category with this short name, whoever may read it. */
export async function loadCategoryBySlug(slug: string): Promise<CategoryLean | null> {
	return findCategory((c) => c.slug === slug);
}

/** Categories the member may read (by their current rights), in display order. */
export async function readableCategories(actor: Actor): Promise<CategoryLean[]> {
	return (await allCategories()).filter((c) => readsCategory(actor, c));
}

/**
 * The thread and its category, if the member may read both; otherwise not_found, so a guessed
 * id tells nothing. Hidden (merged) threads are visible to moderators only. Thread and
 * category come from the cache; the decision is made here, per call, from the actor's rights.
 */
export async function loadReadableThread(
	actor: Actor,
	threadId: string
): Promise<{ thread: ThreadLean; category: CategoryLean }> {
	if (!isObjectId(threadId)) throw refusal('not_found');
	const thread = await findThread(oid(threadId));
	if (!thread) throw refusal('not_found');
	const category = await findCategory((c) => c._id.equals(thread.categoryId));
	if (!category || !readsCategory(actor, category)) throw refusal('not_found');
	if (thread.hidden && !moderatesCategory(actor, category)) throw refusal('not_found');
	return { thread, category };
}

/** As loadReadableThread, and the member must moderate the category. */
export async function loadModeratedThread(actor: Actor, threadId: string) {
	const loaded = await loadReadableThread(actor, threadId);
	if (!moderatesCategory(actor, loaded.category)) throw refusal('forbidden');
	return loaded;
}
