import { Types, trusted } from 'mongoose';
import { can, type Actor } from '../auth/permissions';
import { record } from '../audit';
import { unlessDuplicate } from '../db/errors';
import { isObjectId, oid } from '../db/ids';
import { ForumCategory, ForumPost, ForumTag, ForumThread, type Role } from '../db/models';
import { resetSequenceCache } from '../db/sequence';
import { settle, type Result } from '../result';
import { slugify } from '../text';
import {
	loadCategory,
	loadModeratedThread,
	moderatesCategory,
	refusal,
	type CategoryLean,
	type ThreadLean
} from './access';
import { categoryChanged, forumChanged, threadChanged } from './cached';
import { refreshCategory, refreshThread, touchCategory, touchThread } from './counters';
import { emitPost, emitThread, evictNonReaders } from './live';
import { postDto } from './posts';
import { termsOf } from './terms';
import * as searchIndex from '../search/sync';

async function reloadThread(id: Types.ObjectId): Promise<ThreadLean> {
	return (await ForumThread.findById(id).lean<ThreadLean>())!;
}

/** Pin or lock (and their undo): one audited flag change, pushed to live readers. */
export function setThreadFlag(
	actor: Actor,
	input: { threadId: string; flag: 'pinned' | 'locked'; value: boolean }
): Promise<Result<null>> {
	return settle(async () => {
		const { flag, value } = input;
		const { thread } = await loadModeratedThread(actor, input.threadId);
		await ForumThread.updateOne({ _id: thread._id }, { $set: { [flag]: value } });
		threadChanged(thread._id);
		await touchCategory(thread.categoryId);
		const action = { pinned: value ? 'pin' : 'unpin', locked: value ? 'lock' : 'unlock' }[flag];
		await record({
			actorId: actor.id,
			action: `forum.thread.${action}`,
			targetType: 'thread',
			targetId: input.threadId,
			summary: thread.title
		});
		emitThread(await reloadThread(thread._id));
		return null;
	});
}

/** Target categories a moderator may move a thread to or split posts into. */
async function moderatedCategory(actor: Actor, categoryId: string): Promise<CategoryLean> {
	const category = await loadCategory(categoryId);
	if (!category || !moderatesCategory(actor, category)) throw refusal('unknown_category');
	return category;
}

export function moveThread(
	actor: Actor,
	input: { threadId: string; categoryId: string }
): Promise<Result<null>> {
	return settle(async () => {
		const { threadId } = input;
		const { thread, category: from } = await loadModeratedThread(actor, threadId);
		const to = await moderatedCategory(actor, input.categoryId);
		if (to._id.equals(from._id)) return null;
		await ForumThread.updateOne({ _id: thread._id }, { $set: { categoryId: to._id } });
		await ForumPost.updateMany({ threadId: thread._id }, { $set: { categoryId: to._id } });
		threadChanged(thread._id);
		await Promise.all([refreshCategory(from._id), refreshCategory(to._id)]);
		await record({
			actorId: actor.id,
			action: 'forum.thread.move',
			targetType: 'thread',
			targetId: threadId,
			summary: `${thread.title}: ${from.name} → ${to.name}`,
			details: { from: from._id.toString(), to: to._id.toString() }
		});
		await searchIndex.changed('thread', thread._id);
		await evictNonReaders(threadId, to);
		emitThread(await reloadThread(thread._id));
		return null;
	});
}

/**
 * Moves posts (in their order) to the end of another thread, renumbering them after its last
 * post. The numbers are above every existing one, so the unique (thread, number) index holds.
 */
async function appendPosts(
	postIds: Types.ObjectId[],
	target: ThreadLean,
	categoryId: Types.ObjectId,
	startAt: number
) {
	if (postIds.length === 0) return;
	await ForumPost.bulkWrite(
		postIds.map((id, i) => ({
			updateOne: {
				filter: { _id: id },
				update: { $set: { threadId: target._id, categoryId, number: startAt + i } }
			}
		}))
	);
}

/**
 * Closes the gaps a split leaves, so post n is again the n-th post. In ascending order every
 * post moves to a number that is already free, so the unique (thread, number) index holds.
 */
async function renumber(threadId: Types.ObjectId) {
	const posts = await ForumPost.find({ threadId }, { number: 1 }).sort({ number: 1 }).lean();
	const moves = posts
		.map((p, i) => ({ id: p._id, from: p.number, to: i + 1 }))
		.filter((m) => m.from !== m.to);
	for (const move of moves)
		await ForumPost.updateOne({ _id: move.id }, { $set: { number: move.to } });
	// The sequence helper caches the last number per thread; after renumbering it must re-read.
	resetSequenceCache();
}

export function mergeThreads(
	actor: Actor,
	input: { sourceId: string; targetId: string }
): Promise<Result<null>> {
	return settle(async () => {
		const { sourceId, targetId } = input;
		if (sourceId === targetId) throw refusal('same_thread');
		const { thread: source, category: sourceCategory } = await loadModeratedThread(actor, sourceId);
		const { thread: target, category: targetCategory } = await loadModeratedThread(actor, targetId);
		if (target.hidden) throw refusal('not_found');
		const posts = await ForumPost.find({ threadId: source._id }, { _id: 1 })
			.sort({ number: 1 })
			.lean();
		const top = await ForumPost.findOne({ threadId: target._id }, { number: 1 })
			.sort({ number: -1 })
			.lean();
		await appendPosts(
			posts.map((p) => p._id),
			target,
			targetCategory._id,
			(top?.number ?? 0) + 1
		);
		await ForumThread.updateOne(
			{ _id: source._id },
			{ $set: { hidden: true, mergedIntoId: target._id, postCount: 0 } }
		);
		await ForumThread.updateOne(
			{ _id: target._id },
			{ $addToSet: { participantIds: trusted({ $each: source.participantIds }) } }
		);
		threadChanged(source._id);
		await refreshThread(target._id);
		await Promise.all([refreshCategory(sourceCategory._id), refreshCategory(targetCategory._id)]);
		await record({
			actorId: actor.id,
			action: 'forum.thread.merge',
			targetType: 'thread',
			targetId: target._id.toString(),
			summary: `„${source.title}“ → „${target.title}“`,
			details: { source: sourceId, posts: posts.length }
		});
		await searchIndex.changed('thread', source._id);
		await searchIndex.changed('thread', target._id);
		emitThread(await reloadThread(source._id));
		emitThread(await reloadThread(target._id));
		return null;
	});
}

/** Moves chosen replies (never the first post) into a new thread; answers its id. */
export function splitThread(
	actor: Actor,
	input: { threadId: string; postIds: string[]; title: string; categoryId: string }
): Promise<Result<{ threadId: string }>> {
	return settle(async () => {
		const { thread, category } = await loadModeratedThread(actor, input.threadId);
		const target = await moderatedCategory(actor, input.categoryId);
		const ids = [...new Set(input.postIds)].filter(isObjectId).map(oid);
		const posts = await ForumPost.find(
			{ _id: trusted({ $in: ids }), threadId: thread._id },
			{ number: 1, authorId: 1, createdAt: 1, text: 1 }
		)
			.sort({ number: 1 })
			.lean();
		if (posts.length !== ids.length || posts.some((p) => p.number === 1))
			throw refusal('invalid_split');
		const first = posts[0]!;
		const last = posts.at(-1)!;
		const newId = new Types.ObjectId();
		const created = await ForumThread.create({
			_id: newId,
			categoryId: target._id,
			title: input.title,
			slug: slugify(input.title),
			authorId: first.authorId,
			postCount: posts.length,
			lastNumber: posts.length,
			lastPostAt: last.createdAt,
			lastPostAuthorId: last.authorId,
			participantIds: [...new Set(posts.map((p) => p.authorId.toString()))].map(oid)
		});
		await appendPosts(
			posts.map((p) => p._id),
			created.toObject() as ThreadLean,
			target._id,
			1
		);
		// The new thread's title must be searchable through its first post, as for any thread.
		const firstPost = await ForumPost.findById(first._id, { source: 1, text: 1 }).lean();
		await ForumPost.updateOne(
			{ _id: first._id },
			{ $set: { terms: termsOf(`${input.title} ${firstPost?.text ?? ''}`) } }
		);
		await renumber(thread._id);
		await refreshThread(thread._id);
		await refreshThread(newId);
		await searchIndex.changed('thread', thread._id);
		await searchIndex.changed('thread', newId);
		await Promise.all([refreshCategory(category._id), refreshCategory(target._id)]);
		await record({
			actorId: actor.id,
			action: 'forum.thread.split',
			targetType: 'thread',
			targetId: newId.toString(),
			summary: `${posts.length} × „${thread.title}“ → „${input.title}“`,
			details: { source: input.threadId }
		});
		emitThread(await reloadThread(thread._id));
		return { threadId: newId.toString() };
	});
}

export function setPostHidden(
	actor: Actor,
	input: { postId: string; hidden: boolean; reason?: string }
): Promise<Result<null>> {
	return settle(async () => {
		const { postId, hidden } = input;
		const reason = input.reason ?? '';
		if (!isObjectId(postId)) throw refusal('not_found');
		const post = await ForumPost.findById(oid(postId), { threadId: 1, number: 1 }).lean();
		if (!post) throw refusal('not_found');
		const { thread } = await loadModeratedThread(actor, post.threadId.toString());
		const updated = await ForumPost.findOneAndUpdate(
			{ _id: post._id },
			{
				$set: hidden
					? { hidden: true, hiddenReason: reason, hiddenById: oid(actor.id) }
					: { hidden: false, hiddenReason: '', hiddenById: null }
			},
			{ returnDocument: 'after' }
		).lean();
		await touchThread(thread._id);
		await record({
			actorId: actor.id,
			action: hidden ? 'forum.post.hide' : 'forum.post.unhide',
			targetType: 'post',
			targetId: postId,
			summary: `#${post.number} in „${thread.title}“${reason ? `: ${reason}` : ''}`
		});
		await searchIndex.changed('post', post._id);
		emitPost('post:updated', await postDto(updated as never));
		return null;
	});
}

// ---------------------------------------------------------------- categories and tags

export interface CategoryInput {
	name: string;
	slug: string;
	description: string;
	colour: string;
	order: number;
	readRoles: Role[];
	postRoles: Role[];
}

/** A second category or tag with the same short name (also when two saves race). */
const slugTaken = (field: string) => refusal('slug_taken', field);

/** Creates a category, or changes one the member moderates; answers its id. */
export function saveCategory(
	actor: Actor,
	input: CategoryInput & { categoryId?: string }
): Promise<Result<{ id: string }>> {
	return settle(async () => {
		const { categoryId, ...fields } = input;
		if (!can(actor, 'forum:manage')) throw refusal('forbidden');
		const clash = await ForumCategory.findOne({ slug: fields.slug }, { _id: 1 }).lean();
		if (clash && clash._id.toString() !== categoryId) throw slugTaken('slug');
		let id: string;
		if (categoryId) {
			const existing = await loadCategory(categoryId);
			if (!existing || !moderatesCategory(actor, existing)) throw refusal('not_found');
			await ForumCategory.updateOne({ _id: existing._id }, { $set: fields });
			categoryChanged(existing._id);
			id = categoryId;
		} else {
			const created = await unlessDuplicate(
				() => ForumCategory.create(fields),
				() => Promise.reject(slugTaken('slug'))
			);
			id = created._id.toString();
			categoryChanged(created._id);
		}
		await record({
			actorId: actor.id,
			action: categoryId ? 'forum.category.update' : 'forum.category.create',
			targetType: 'category',
			targetId: id,
			summary: fields.name
		});
		return { id };
	});
}

export function createTag(
	actor: Actor,
	input: { name: string; slug: string }
): Promise<Result<null>> {
	return settle(async () => {
		if (!can(actor, 'forum:manage')) throw refusal('forbidden');
		if (await ForumTag.exists({ slug: input.slug })) throw slugTaken('tagSlug');
		const tag = await ForumTag.create(input);
		forumChanged();
		await record({
			actorId: actor.id,
			action: 'forum.tag.create',
			targetType: 'tag',
			targetId: tag._id.toString(),
			summary: input.name
		});
		return null;
	});
}
