import { Types, trusted } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { record } from '../audit';
import {
	ForumCategory,
	ForumPost,
	ForumReport,
	ForumTag,
	ForumThread,
	Member,
	type Role
} from '../db/models';
import { resetSequenceCache } from '../db/sequence';
import { slugify } from '../text';
import {
	ForumError,
	loadCategory,
	loadModeratedThread,
	loadReadableThread,
	moderatesCategory,
	oid,
	validId,
	type CategoryLean,
	type ThreadLean
} from './access';
import { emitPost, emitThread, evictNonReaders } from './live';
import { termsOf } from './terms';
import { postDto, refreshCategory, refreshThread, touchCategory, touchThread } from './threads';

async function reloadThread(id: Types.ObjectId): Promise<ThreadLean> {
	return (await ForumThread.findById(id).lean<ThreadLean>())!;
}

/** Pin or lock (and their undo): one audited flag change, pushed to live readers. */
export async function setThreadFlag(
	actor: Actor,
	threadId: string,
	flag: 'pinned' | 'locked',
	value: boolean
): Promise<void> {
	const { thread } = await loadModeratedThread(actor, threadId);
	await ForumThread.updateOne({ _id: thread._id }, { $set: { [flag]: value } });
	await touchCategory(thread.categoryId);
	const action = { pinned: value ? 'pin' : 'unpin', locked: value ? 'lock' : 'unlock' }[flag];
	await record({
		actorId: actor.id,
		action: `forum.thread.${action}`,
		targetType: 'thread',
		targetId: threadId,
		summary: thread.title
	});
	emitThread(await reloadThread(thread._id));
}

/** Target categories a moderator may move a thread to or split posts into. */
async function moderatedCategory(actor: Actor, categoryId: string): Promise<CategoryLean> {
	const category = await loadCategory(categoryId);
	if (!category || !moderatesCategory(actor, category)) throw new ForumError('unknown_category');
	return category;
}

export async function moveThread(actor: Actor, threadId: string, categoryId: string) {
	const { thread, category: from } = await loadModeratedThread(actor, threadId);
	const to = await moderatedCategory(actor, categoryId);
	if (to._id.equals(from._id)) return;
	await ForumThread.updateOne({ _id: thread._id }, { $set: { categoryId: to._id } });
	await ForumPost.updateMany({ threadId: thread._id }, { $set: { categoryId: to._id } });
	await Promise.all([refreshCategory(from._id), refreshCategory(to._id)]);
	await record({
		actorId: actor.id,
		action: 'forum.thread.move',
		targetType: 'thread',
		targetId: threadId,
		summary: `${thread.title}: ${from.name} → ${to.name}`,
		details: { from: from._id.toString(), to: to._id.toString() }
	});
	await evictNonReaders(threadId, to);
	emitThread(await reloadThread(thread._id));
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

export async function mergeThreads(actor: Actor, sourceId: string, targetId: string) {
	if (sourceId === targetId) throw new ForumError('same_thread');
	const { thread: source, category: sourceCategory } = await loadModeratedThread(actor, sourceId);
	const { thread: target, category: targetCategory } = await loadModeratedThread(actor, targetId);
	if (target.hidden) throw new ForumError('not_found');
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
	emitThread(await reloadThread(source._id));
	emitThread(await reloadThread(target._id));
}

/** Moves chosen replies (never the first post) into a new thread; returns its id. */
export async function splitThread(
	actor: Actor,
	threadId: string,
	input: { postIds: string[]; title: string; categoryId: string }
): Promise<string> {
	const { thread, category } = await loadModeratedThread(actor, threadId);
	const target = await moderatedCategory(actor, input.categoryId);
	const ids = [...new Set(input.postIds)].filter(validId).map(oid);
	const posts = await ForumPost.find(
		{ _id: trusted({ $in: ids }), threadId: thread._id },
		{ number: 1, authorId: 1, createdAt: 1, text: 1 }
	)
		.sort({ number: 1 })
		.lean();
	if (posts.length !== ids.length || posts.some((p) => p.number === 1))
		throw new ForumError('invalid_split');
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
	await Promise.all([refreshCategory(category._id), refreshCategory(target._id)]);
	await record({
		actorId: actor.id,
		action: 'forum.thread.split',
		targetType: 'thread',
		targetId: newId.toString(),
		summary: `${posts.length} × „${thread.title}“ → „${input.title}“`,
		details: { source: threadId }
	});
	emitThread(await reloadThread(thread._id));
	return newId.toString();
}

export async function setPostHidden(
	actor: Actor,
	postId: string,
	hidden: boolean,
	reason = ''
): Promise<void> {
	if (!validId(postId)) throw new ForumError('not_found');
	const post = await ForumPost.findById(oid(postId), { threadId: 1, number: 1 }).lean();
	if (!post) throw new ForumError('not_found');
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
	emitPost('post:updated', await postDto(updated as never));
}

// ---------------------------------------------------------------- reports

export async function reportPost(actor: Actor, postId: string, reason: string): Promise<void> {
	if (!validId(postId)) throw new ForumError('not_found');
	const post = await ForumPost.findById(oid(postId), { threadId: 1, categoryId: 1 }).lean();
	if (!post) throw new ForumError('not_found');
	const { category } = await loadReadableThread(actor, post.threadId.toString());
	const open = await ForumReport.exists({
		postId: post._id,
		reporterId: oid(actor.id),
		status: 'open'
	});
	if (open) throw new ForumError('already_reported');
	await ForumReport.create({
		postId: post._id,
		threadId: post.threadId,
		categoryId: category._id,
		reporterId: oid(actor.id),
		reason
	});
}

export interface ReportDto {
	id: string;
	reason: string;
	createdAt: string;
	reporterName: string;
	postId: string;
	postNumber: number;
	postText: string;
	postHidden: boolean;
	threadId: string;
	threadTitle: string;
}

/** Open reports in the categories the moderator moderates, oldest first, by cursor. */
export async function listOpenReports(
	actor: Actor,
	cursor: string | null,
	limit = 30
): Promise<{ items: ReportDto[]; nextCursor: string | null }> {
	const categories = (await ForumCategory.find().lean<CategoryLean[]>()).filter((c) =>
		moderatesCategory(actor, c)
	);
	const filter: Record<string, unknown> = {
		status: 'open',
		categoryId: trusted({ $in: categories.map((c) => c._id) })
	};
	if (cursor && validId(cursor)) filter._id = trusted({ $gt: oid(cursor) });
	const rows = await ForumReport.find(filter)
		.sort({ _id: 1 })
		.limit(limit + 1)
		.lean();
	const page = rows.slice(0, limit);
	const [posts, threads, reporters] = await Promise.all([
		ForumPost.find(
			{ _id: trusted({ $in: page.map((r) => r.postId) }) },
			{ number: 1, text: 1, hidden: 1, threadId: 1 }
		).lean(),
		ForumThread.find({ _id: trusted({ $in: page.map((r) => r.threadId) }) }, { title: 1 }).lean(),
		Member.find({ _id: trusted({ $in: page.map((r) => r.reporterId) }) }, { displayName: 1 }).lean()
	]);
	const postMap = new Map(posts.map((p) => [p._id.toString(), p]));
	const threadMap = new Map(threads.map((t) => [t._id.toString(), t.title]));
	const names = new Map(reporters.map((m) => [m._id.toString(), m.displayName]));
	return {
		items: page.map((r) => {
			const post = postMap.get(r.postId.toString());
			return {
				id: r._id.toString(),
				reason: r.reason,
				createdAt: r.createdAt.toISOString(),
				reporterName: names.get(r.reporterId.toString()) ?? '—',
				postId: r.postId.toString(),
				postNumber: post?.number ?? 0,
				postText: post?.text ?? '',
				postHidden: post?.hidden ?? false,
				threadId: (post?.threadId ?? r.threadId).toString(),
				threadTitle: threadMap.get(r.threadId.toString()) ?? '—'
			};
		}),
		nextCursor: rows.length > limit ? page.at(-1)!._id.toString() : null
	};
}

export async function closeReport(
	actor: Actor,
	reportId: string,
	outcome: 'resolved' | 'dismissed'
): Promise<void> {
	if (!validId(reportId)) throw new ForumError('not_found');
	const report = await ForumReport.findById(oid(reportId)).lean();
	if (!report || report.status !== 'open') throw new ForumError('not_found');
	const category = await loadCategory(report.categoryId.toString());
	if (!category || !moderatesCategory(actor, category)) throw new ForumError('not_found');
	await ForumReport.updateOne(
		{ _id: report._id, status: 'open' },
		{ $set: { status: outcome, handledById: oid(actor.id), handledAt: new Date() } }
	);
	await record({
		actorId: actor.id,
		action: `forum.report.${outcome === 'resolved' ? 'resolve' : 'dismiss'}`,
		targetType: 'post',
		targetId: report.postId.toString(),
		summary: report.reason.slice(0, 200)
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

export async function saveCategory(
	actor: Actor,
	input: CategoryInput,
	categoryId?: string
): Promise<string> {
	const clash = await ForumCategory.findOne({ slug: input.slug }, { _id: 1 }).lean();
	if (clash && clash._id.toString() !== categoryId) throw new ForumError('slug_taken');
	let id: string;
	if (categoryId) {
		const existing = await loadCategory(categoryId);
		if (!existing || !moderatesCategory(actor, existing)) throw new ForumError('not_found');
		await ForumCategory.updateOne({ _id: existing._id }, { $set: input });
		id = categoryId;
	} else {
		id = (await ForumCategory.create(input))._id.toString();
	}
	await record({
		actorId: actor.id,
		action: categoryId ? 'forum.category.update' : 'forum.category.create',
		targetType: 'category',
		targetId: id,
		summary: input.name
	});
	return id;
}

export async function createTag(actor: Actor, input: { name: string; slug: string }) {
	if (await ForumTag.exists({ slug: input.slug })) throw new ForumError('slug_taken');
	const tag = await ForumTag.create(input);
	await record({
		actorId: actor.id,
		action: 'forum.tag.create',
		targetType: 'tag',
		targetId: tag._id.toString(),
		summary: input.name
	});
}

export async function listTags(): Promise<{ name: string; slug: string }[]> {
	const rows = await ForumTag.find({}, { name: 1, slug: 1 }).sort({ slug: 1 }).limit(500).lean();
	return rows.map((t) => ({ name: t.name, slug: t.slug }));
}
