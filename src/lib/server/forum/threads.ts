import { Types, trusted } from 'mongoose';
import type { ForumPostDto } from '$lib/realtime/events';
import { readReactions } from '$lib/reactions';
import type { Actor } from '../auth/permissions';
import {
	ForumCategory,
	ForumPost,
	ForumTag,
	ForumThread,
	ForumThreadState,
	ForumPageCache,
	Member,
	type ForumPostDoc,
	type ReactionKey
} from '../db/models';
import { insertWithNextSeq } from '../db/sequence';
import { extractMentions, markdownToText, renderMarkdown } from '../markdown';
import { findMemberIdsByHandles } from '../members';
import { notify } from '../notifications';
import { record } from '../audit';
import { slugify } from '../text';
import {
	ForumError,
	loadCategory,
	loadReadableThread,
	moderatesCategory,
	oid,
	postsInCategory,
	readableCategories,
	readsCategory,
	validId,
	type CategoryLean,
	type ThreadLean
} from './access';
import { emitPost } from './live';
import { termsOf } from './terms';

export const postsPerPage = 20;

/** The `from` of the page that shows post number n. */
export const pageStart = (n: number) => Math.max(1, n - ((n - 1) % postsPerPage));
export const threadsPerPage = 25;

export interface ThreadListItem {
	id: string;
	title: string;
	tags: string[];
	pinned: boolean;
	locked: boolean;
	postCount: number;
	lastPostAt: string;
	authorName: string;
	lastPostAuthorName: string;
	/** First unread post number, or null when the member read everything. */
	firstUnread: number | null;
	/** The member never opened the thread. */
	isNew: boolean;
}

export interface ThreadPage {
	pinned: ThreadListItem[];
	threads: ThreadListItem[];
	nextCursor: string | null;
}

type PostLean = ForumPostDoc;

/** Display names and handles of a page's authors: one query, no N+1. */
async function authorsOf(ids: Iterable<Types.ObjectId | null | undefined>) {
	const unique = [...new Set([...ids].filter(Boolean).map((id) => id!.toString()))];
	if (unique.length === 0) return new Map<string, { name: string; handle: string }>();
	const rows = await Member.find(
		{ _id: trusted({ $in: unique.map(oid) }) },
		{ displayName: 1, handle: 1 }
	).lean();
	return new Map(rows.map((r) => [r._id.toString(), { name: r.displayName, handle: r.handle }]));
}

function toPostDto(
	post: PostLean,
	authors: Map<string, { name: string; handle: string }>,
	showHidden = false
): ForumPostDto {
	const author = authors.get(post.authorId.toString());
	return {
		id: post._id.toString(),
		threadId: post.threadId.toString(),
		number: post.number,
		authorId: post.authorId.toString(),
		authorName: author?.name ?? '—',
		authorHandle: author?.handle ?? '',
		html: post.hidden && !showHidden ? '' : post.html,
		createdAt: post.createdAt.toISOString(),
		editedAt: post.editedAt ? post.editedAt.toISOString() : null,
		editCount: post.editCount ?? 0,
		hidden: post.hidden,
		hiddenReason: post.hidden ? post.hiddenReason : '',
		quotedPostId: post.quotedPostId ? post.quotedPostId.toString() : null,
		reactions: readReactions(post.reactions)
	};
}

export async function postDto(post: PostLean, showHidden = false): Promise<ForumPostDto> {
	return toPostDto(post, await authorsOf([post.authorId]), showHidden);
}

// The fields a thread page needs: never the edit history or the search terms.
const postFields = {
	threadId: 1,
	number: 1,
	authorId: 1,
	html: 1,
	createdAt: 1,
	editedAt: 1,
	editCount: 1,
	hidden: 1,
	hiddenReason: 1,
	quotedPostId: 1,
	reactions: 1
};

/**
 * Recomputes a thread's counters and post list from its posts (after merge and split; replies
 * update them directly).
 */
export async function refreshThread(threadId: Types.ObjectId): Promise<void> {
	const posts = await ForumPost.find({ threadId }, { number: 1, createdAt: 1, authorId: 1 })
		.sort({ number: 1 })
		.lean();
	const last = posts.at(-1);
	if (!last) return;
	await ForumThread.updateOne(
		{ _id: threadId },
		{
			$set: {
				postCount: posts.length,
				lastNumber: last.number,
				lastPostAt: last.createdAt,
				lastPostAuthorId: last.authorId,
				postIds: posts.map((p) => p._id)
			},
			$inc: { postsVersion: 1 }
		}
	);
}

const queues = new Map<string, Promise<unknown>>();

/** Runs writes to one document one after another within this process. */
function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
	const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
	queues.set(key, run);
	void run.finally(() => {
		if (queues.get(key) === run) queues.delete(key);
	});
	return run;
}

/** Posts by id, one _id lookup each (see postIds on the thread model), in the given order. */
async function postsByIds(ids: Types.ObjectId[]): Promise<PostLean[]> {
	const rows = await Promise.all(
		ids.map((id) => ForumPost.findById(id, postFields).lean<PostLean>())
	);
	return rows.filter((p): p is PostLean => p !== null);
}

/** Thread count and latest activity of a category, from its threads (after every write). */
export async function refreshCategory(categoryId: Types.ObjectId): Promise<void> {
	const filter = { categoryId, hidden: false };
	const [count, last] = await Promise.all([
		ForumThread.countDocuments(filter),
		ForumThread.findOne(filter, { title: 1, lastPostAt: 1 })
			.sort({ lastPostAt: -1, _id: -1 })
			.lean()
	]);
	await ForumCategory.updateOne(
		{ _id: categoryId },
		{
			$set: {
				threadCount: count,
				lastActivityAt: last?.lastPostAt ?? null,
				lastThreadId: last?._id ?? null,
				lastThreadTitle: last?.title ?? ''
			},
			$inc: { listVersion: 1 }
		}
	);
}

// ---------------------------------------------------------------- lists

function encodeCursor(t: ThreadLean) {
	return `${t.lastPostAt.getTime().toString().padStart(13, '0')}_${t._id.toString()}`;
}

async function toListItems(actor: Actor, rows: ThreadLean[]): Promise<ThreadListItem[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r._id);
	const [authors, states] = await Promise.all([
		authorsOf(rows.flatMap((r) => [r.authorId, r.lastPostAuthorId])),
		ForumThreadState.find(
			{ memberId: oid(actor.id), threadId: trusted({ $in: ids }) },
			{ threadId: 1, lastReadNumber: 1 }
		).lean()
	]);
	const read = new Map(states.map((s) => [s.threadId.toString(), s.lastReadNumber]));
	return rows.map((t) => {
		const lastRead = read.get(t._id.toString());
		return {
			id: t._id.toString(),
			title: t.title,
			tags: t.tags,
			pinned: t.pinned,
			locked: t.locked,
			postCount: t.postCount,
			lastPostAt: t.lastPostAt.toISOString(),
			authorName: authors.get(t.authorId.toString())?.name ?? '—',
			lastPostAuthorName: t.lastPostAuthorId
				? (authors.get(t.lastPostAuthorId.toString())?.name ?? '—')
				: '—',
			firstUnread: lastRead === undefined || lastRead < t.lastNumber ? (lastRead ?? 0) + 1 : null,
			isNew: lastRead === undefined
		};
	});
}

const listFields = {
	title: 1,
	tags: 1,
	pinned: 1,
	locked: 1,
	postCount: 1,
	lastNumber: 1,
	lastPostAt: 1,
	authorId: 1,
	lastPostAuthorId: 1,
	categoryId: 1
};

/**
 * A category's threads: on the first page the pinned ones, then the others by last activity,
 * paged by the (lastPostAt, _id) of the last row (never skip).
 */
export async function listThreads(
	actor: Actor,
	category: CategoryLean,
	options: { tag?: string; cursor?: string } = {}
): Promise<ThreadPage> {
	if (!readsCategory(actor, category)) throw new ForumError('not_found');
	const base: Record<string, unknown> = { categoryId: category._id, hidden: false };
	if (options.tag) base.tags = options.tag;
	const filter: Record<string, unknown> = { ...base, pinned: false };
	if (options.cursor) {
		const [time, id] = options.cursor.split('_');
		const at = new Date(Number(time));
		filter.$or = [
			{ lastPostAt: trusted({ $lt: at }) },
			{ lastPostAt: at, _id: trusted({ $lt: oid(id!) }) }
		];
	}
	const query = async () => {
		const [pinned, rows] = await Promise.all([
			options.cursor
				? Promise.resolve([] as ThreadLean[])
				: ForumThread.find({ ...base, pinned: true }, listFields)
						.sort({ lastPostAt: -1, _id: -1 })
						.limit(threadsPerPage)
						.lean<ThreadLean[]>(),
			ForumThread.find(filter, listFields)
				.sort({ lastPostAt: -1, _id: -1 })
				.limit(threadsPerPage + 1)
				.lean<ThreadLean[]>()
		]);
		return { pinned, rows };
	};
	// The first page, the one nearly every visit reads, is cached under its _id.
	const { pinned: pinnedRows, rows } = options.cursor
		? await query()
		: await cached(
				`list:${category._id.toString()}:${options.tag ?? ''}`,
				category.listVersion ?? 0,
				query
			);
	const page = rows.slice(0, threadsPerPage);
	const items = await toListItems(actor, [...pinnedRows, ...page]);
	return {
		pinned: items.slice(0, pinnedRows.length),
		threads: items.slice(pinnedRows.length),
		nextCursor: rows.length > threadsPerPage ? encodeCursor(page.at(-1)!) : null
	};
}

/** The newest threads across the categories the member reads (dashboard, forum index). */
export async function recentThreads(actor: Actor, limit = 8): Promise<ThreadListItem[]> {
	const categories = await readableCategories(actor);
	if (categories.length === 0) return [];
	// Cached per set of readable categories; the sum of their list versions rises with any change.
	const rows = await cached(
		`recent:${limit}:${categories.map((c) => c._id.toString()).join(',')}`,
		categories.reduce((sum, c) => sum + (c.listVersion ?? 0), 0),
		() =>
			ForumThread.find(
				{ categoryId: trusted({ $in: categories.map((c) => c._id) }), hidden: false },
				listFields
			)
				.sort({ lastPostAt: -1, _id: -1 })
				.limit(limit)
				.lean<ThreadLean[]>()
	);
	return toListItems(actor, rows);
}

// ---------------------------------------------------------------- thread page

export interface ThreadView {
	posts: ForumPostDto[];
	/** Numbers for the "earlier" / "later" links; null at either end. */
	before: number | null;
	after: number | null;
	lastReadNumber: number;
	level: 'watching' | 'normal' | 'muted';
	quoted: Record<string, { number: number; authorName: string; text: string }>;
}

/**
 * One page of a thread's posts starting at post number `from` (the index on (threadId,
 * number) serves it, so a 500-post thread costs the same as a short one), and the member's
 * read position, which is then advanced to the last post shown.
 */
export async function viewThread(
	actor: Actor,
	thread: ThreadLean,
	category: CategoryLean,
	from = 1
): Promise<ThreadView> {
	const moderator = moderatesCategory(actor, category);
	let ids = (thread.postIds ?? []) as (Types.ObjectId | null)[];
	// A hole (a write lost between two app instances) is repaired from the posts once.
	if (ids.length < thread.lastNumber || ids.some((id) => !id)) {
		await refreshThread(thread._id);
		ids = (await ForumThread.findById(thread._id, { postIds: 1 }).lean())?.postIds ?? [];
	}
	const start = Math.min(Math.max(0, from - 1), Math.max(0, ids.length - 1));
	const key = `${thread._id.toString()}:${start}`;
	const version = thread.postsVersion ?? 0;
	const [cached, state] = await Promise.all([
		ForumPageCache.findById(key).lean<PageCacheLean>(),
		ForumThreadState.findOne({ memberId: oid(actor.id), threadId: thread._id }).lean()
	]);
	const rendered =
		cached && cached.version === version
			? cached
			: await buildPage(thread, ids.slice(start, start + postsPerPage), key, version);
	const lastShown = rendered.posts.at(-1)?.number ?? 0;
	const lastReadNumber = state?.lastReadNumber ?? 0;
	if (lastShown > lastReadNumber) await markRead(actor.id, thread._id.toString(), lastShown);
	return {
		// Hidden posts keep their text for moderators only.
		posts: rendered.posts.map((p) => (p.hidden && !moderator ? { ...p, html: '' } : p)),
		before: start > 0 ? Math.max(1, start + 1 - postsPerPage) : null,
		after: start + postsPerPage < ids.length ? start + postsPerPage + 1 : null,
		lastReadNumber,
		level: (state?.level as ThreadView['level']) ?? 'normal',
		quoted: rendered.quoted
	};
}

interface PageCacheLean {
	version: number;
	posts: ForumPostDto[];
	quoted: ThreadView['quoted'];
}

/**
 * Builds one page of a thread (posts, authors, quoted posts) and stores it under its _id, so
 * the next view of the same version is one lookup instead of two dozen. Any change to the
 * thread's posts raises its postsVersion, which retires every cached page of it.
 */
async function buildPage(
	thread: ThreadLean,
	pageIds: (Types.ObjectId | null)[],
	key: string,
	version: number
): Promise<PageCacheLean> {
	const page = await postsByIds(pageIds.filter((id): id is Types.ObjectId => !!id));
	const quotedIds = [
		...new Set(page.map((p) => p.quotedPostId?.toString()).filter((id): id is string => !!id))
	];
	const quotedRows = (
		await Promise.all(
			quotedIds.map((id) =>
				ForumPost.findById(oid(id), {
					threadId: 1,
					number: 1,
					authorId: 1,
					text: 1,
					hidden: 1
				}).lean()
			)
		)
	).filter((q) => q !== null && q.threadId.equals(thread._id)) as {
		_id: Types.ObjectId;
		number: number;
		authorId: Types.ObjectId;
		text: string;
		hidden: boolean;
	}[];
	const authors = await authorsOf([
		...page.map((p) => p.authorId),
		...quotedRows.map((q) => q.authorId)
	]);
	const built: PageCacheLean = {
		version,
		posts: page.map((p) => toPostDto(p, authors, true)),
		quoted: Object.fromEntries(
			quotedRows.map((q) => [
				q._id.toString(),
				{
					number: q.number,
					authorName: authors.get(q.authorId.toString())?.name ?? '—',
					text: q.hidden ? '' : q.text
				}
			])
		)
	};
	await ForumPageCache.updateOne({ _id: key }, { $set: built }, { upsert: true });
	return built;
}

/**
 * Derived data under a string _id, valid while `version` matches (the embedded database serves
 * only _id lookups from an index; MongoDB saves the work as well).
 */
async function cached<T>(key: string, version: number, build: () => Promise<T>): Promise<T> {
	const hit = await ForumPageCache.findById(key, { version: 1, data: 1 }).lean<{
		version: number;
		data: T;
	}>();
	if (hit && hit.version === version && hit.data) return hit.data;
	const data = await build();
	await ForumPageCache.updateOne({ _id: key }, { $set: { version, data } }, { upsert: true });
	return data;
}

/** Retires the cached first pages of a category's thread lists. */
export async function touchCategory(categoryId: Types.ObjectId): Promise<void> {
	await ForumCategory.updateOne({ _id: categoryId }, { $inc: { listVersion: 1 } });
}

/** Retires the cached pages of a thread after any change to its posts. */
export async function touchThread(threadId: Types.ObjectId): Promise<void> {
	await serialised(threadId.toString(), () =>
		ForumThread.updateOne({ _id: threadId }, { $inc: { postsVersion: 1 } })
	);
}

/** Where "jump to first unread" lands: the page that starts a few posts before it. */
export async function firstUnreadNumber(actor: Actor, thread: ThreadLean): Promise<number> {
	const state = await ForumThreadState.findOne(
		{ memberId: oid(actor.id), threadId: thread._id },
		{ lastReadNumber: 1 }
	).lean();
	return Math.min((state?.lastReadNumber ?? 0) + 1, Math.max(1, thread.lastNumber));
}

export async function markRead(memberId: string, threadId: string, number: number): Promise<void> {
	try {
		await ForumThreadState.updateOne(
			{ memberId: oid(memberId), threadId: oid(threadId) },
			{ $max: { lastReadNumber: number }, $setOnInsert: { level: 'normal' } },
			{ upsert: true }
		);
	} catch (err) {
		// Two tabs upserting at once: the other one created the row; the position still moves.
		if ((err as { code?: number }).code !== 11000) throw err;
		await ForumThreadState.updateOne(
			{ memberId: oid(memberId), threadId: oid(threadId) },
			{ $max: { lastReadNumber: number } }
		);
	}
}

export async function setWatchLevel(
	actor: Actor,
	threadId: string,
	level: 'watching' | 'normal' | 'muted'
): Promise<void> {
	await loadReadableThread(actor, threadId);
	try {
		await ForumThreadState.updateOne(
			{ memberId: oid(actor.id), threadId: oid(threadId) },
			{ $set: { level }, $setOnInsert: { lastReadNumber: 0 } },
			{ upsert: true }
		);
	} catch (err) {
		if ((err as { code?: number }).code !== 11000) throw err;
		await ForumThreadState.updateOne(
			{ memberId: oid(actor.id), threadId: oid(threadId) },
			{ $set: { level } }
		);
	}
}

/** Authors and repliers watch a thread unless they muted it. */
async function watchByDefault(memberId: string, threadId: Types.ObjectId, number: number) {
	const state = await ForumThreadState.findOne({ memberId: oid(memberId), threadId }).lean();
	if (!state) {
		await ForumThreadState.create({
			memberId: oid(memberId),
			threadId,
			lastReadNumber: number,
			level: 'watching'
		}).catch((err: { code?: number }) => {
			if (err.code !== 11000) throw err;
		});
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

// ---------------------------------------------------------------- writes

export interface NewThread {
	categoryId: string;
	title: string;
	body: string;
	tags: string[];
}

async function checkTags(tags: string[]): Promise<string[]> {
	const unique = [...new Set(tags)];
	if (unique.length === 0) return [];
	const found = await ForumTag.find({ slug: trusted({ $in: unique }) }, { slug: 1 }).lean();
	if (found.length !== unique.length) throw new ForumError('unknown_tag');
	return unique;
}

function rendered(source: string, title = '') {
	const text = markdownToText(source, 2000);
	return {
		source,
		html: renderMarkdown(source, { profile: 'full' }),
		text,
		terms: termsOf(`${title} ${markdownToText(source, 100_000)}`)
	};
}

/**
 * Creates a thread with its first post. Everything is checked before the first write, so a
 * refused thread leaves nothing behind.
 */
export async function createThread(actor: Actor, input: NewThread): Promise<{ threadId: string }> {
	const category = await loadCategory(input.categoryId);
	if (!category || !readsCategory(actor, category)) throw new ForumError('unknown_category');
	if (!postsInCategory(actor, category)) throw new ForumError('category_forbidden');
	const tags = await checkTags(input.tags);
	const now = new Date();
	const threadId = new Types.ObjectId();
	const content = rendered(input.body, input.title);
	// The post first: if it fails nothing points at it; the thread appears only with its post.
	const postId = new Types.ObjectId();
	await ForumPost.create({
		_id: postId,
		threadId,
		categoryId: category._id,
		number: 1,
		authorId: oid(actor.id),
		...content
	});
	await ForumThread.create({
		_id: threadId,
		categoryId: category._id,
		title: input.title,
		slug: slugify(input.title),
		authorId: oid(actor.id),
		tags,
		postCount: 1,
		lastNumber: 1,
		lastPostAt: now,
		lastPostAuthorId: oid(actor.id),
		participantIds: [oid(actor.id)],
		postIds: [postId]
	});
	await Promise.all([
		watchByDefault(actor.id, threadId, 1),
		refreshCategory(category._id),
		notifyMentions(actor, input.body, threadId, input.title, 1, category)
	]);
	return { threadId: threadId.toString() };
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
	post: { threadId: Types.ObjectId; title: string; body: string; number: number }
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
		link: `/forum/t/${post.threadId.toString()}?from=${pageStart(post.number)}#post-${post.number}`
	});
	return recipients;
}

async function notifyMentions(
	actor: Actor,
	body: string,
	threadId: Types.ObjectId,
	title: string,
	number: number,
	category: CategoryLean
): Promise<string[]> {
	const handles = extractMentions(body);
	if (handles.length === 0) return [];
	const ids = [...(await findMemberIdsByHandles(handles)).values()];
	return notifyReaders(actor, ids, category, 'mention', { threadId, title, body, number });
}

async function notifyWatchers(
	actor: Actor,
	thread: ThreadLean,
	category: CategoryLean,
	body: string,
	number: number,
	skip: string[]
) {
	const watchers = await ForumThreadState.find(
		{ threadId: thread._id, level: 'watching' },
		{ memberId: 1 }
	).lean();
	const ids = watchers.map((w) => w.memberId.toString()).filter((id) => !skip.includes(id));
	await notifyReaders(actor, ids, category, 'reply', {
		threadId: thread._id,
		title: thread.title,
		body,
		number
	});
}

export async function replyToThread(
	actor: Actor,
	threadId: string,
	input: { body: string; quotedPostId?: string }
): Promise<ForumPostDto> {
	const { thread, category } = await loadReadableThread(actor, threadId);
	if (!postsInCategory(actor, category)) throw new ForumError('category_forbidden');
	if (thread.locked && !moderatesCategory(actor, category)) throw new ForumError('locked');
	let quotedPostId: Types.ObjectId | null = null;
	if (input.quotedPostId) {
		const quoted = validId(input.quotedPostId)
			? await ForumPost.findOne(
					{ _id: oid(input.quotedPostId), threadId: thread._id },
					{ _id: 1 }
				).lean()
			: null;
		if (!quoted) throw new ForumError('not_found');
		quotedPostId = quoted._id;
	}
	const content = rendered(input.body);
	const { doc } = await insertWithNextSeq<unknown, PostLean>(
		{ model: ForumPost as never, scopeField: 'threadId', scope: thread._id, seqField: 'number' },
		(number) => ({
			threadId: thread._id,
			categoryId: category._id,
			number,
			authorId: oid(actor.id),
			quotedPostId,
			...content
		})
	);
	// Counters straight from the new post: no recount (a collection scan on the embedded server).
	// Queued per thread: the embedded server applies concurrent updates of one document
	// non-atomically, and a lost write would leave a hole in postIds.
	await serialised(thread._id.toString(), () =>
		ForumThread.updateOne(
			{ _id: thread._id },
			{
				$set: {
					[`postIds.${doc.number - 1}`]: doc._id,
					lastPostAt: doc.createdAt,
					lastPostAuthorId: doc.authorId
				},
				$max: { lastNumber: doc.number, postCount: doc.number },
				$addToSet: { participantIds: oid(actor.id) },
				$inc: { postsVersion: 1 }
			}
		)
	);
	await ForumCategory.updateOne(
		{ _id: category._id },
		{
			$set: {
				lastActivityAt: doc.createdAt,
				lastThreadId: thread._id,
				lastThreadTitle: thread.title
			},
			$inc: { listVersion: 1 }
		}
	);
	const dto = await postDto(doc);
	emitPost('post:new', dto);
	await watchByDefault(actor.id, thread._id, doc.number);
	const mentioned = await notifyMentions(
		actor,
		input.body,
		thread._id,
		thread.title,
		doc.number,
		category
	);
	await notifyWatchers(actor, thread, category, input.body, doc.number, [actor.id, ...mentioned]);
	return dto;
}

async function loadPost(actor: Actor, postId: string) {
	if (!validId(postId)) throw new ForumError('not_found');
	const post = await ForumPost.findById(oid(postId)).lean<PostLean>();
	if (!post) throw new ForumError('not_found');
	const { thread, category } = await loadReadableThread(actor, post.threadId.toString());
	return { post, thread, category };
}

/**
 * Edits a post: its author (while they may post in the category and the thread is open), or a
 * moderator of the category (audited). The previous source goes into the history.
 */
export async function editPost(actor: Actor, postId: string, body: string): Promise<ForumPostDto> {
	const { post, thread, category } = await loadPost(actor, postId);
	const moderator = moderatesCategory(actor, category);
	const own = post.authorId.toString() === actor.id;
	if (!own && !moderator) throw new ForumError('not_author');
	if (own && !moderator) {
		if (!postsInCategory(actor, category)) throw new ForumError('category_forbidden');
		if (thread.locked) throw new ForumError('locked');
	}
	if (body === post.source) return postDto(post, moderator);
	const content = rendered(body, post.number === 1 ? thread.title : '');
	const now = new Date();
	const updated = await ForumPost.findOneAndUpdate(
		{ _id: post._id },
		{
			$set: { ...content, editedAt: now },
			$push: { edits: { source: post.source, editedAt: now, editorId: oid(actor.id) } },
			$inc: { editCount: 1 }
		},
		{ returnDocument: 'after' }
	).lean<PostLean>();
	await touchThread(thread._id);
	if (!own)
		await record({
			actorId: actor.id,
			action: 'forum.post.edit',
			targetType: 'post',
			targetId: postId,
			summary: `#${post.number} in „${thread.title}“`
		});
	const dto = await postDto(updated!);
	emitPost('post:updated', dto);
	return dto;
}

export interface PostHistory {
	post: ForumPostDto;
	threadTitle: string;
	versions: { source: string; editedAt: string; editorName: string }[];
	current: string;
}

/** Every earlier version of a post, newest first (visible to all who read the thread). */
export async function postHistory(actor: Actor, postId: string): Promise<PostHistory> {
	const { post, thread, category } = await loadPost(actor, postId);
	const moderator = moderatesCategory(actor, category);
	if (post.hidden && !moderator) throw new ForumError('not_found');
	const full = await ForumPost.findById(post._id, { edits: 1 }).lean();
	const edits = (full?.edits ?? []) as {
		source: string;
		editedAt: Date;
		editorId: Types.ObjectId;
	}[];
	const editors = await authorsOf(edits.map((e) => e.editorId));
	return {
		post: await postDto(post, moderator),
		threadTitle: thread.title,
		current: post.source,
		versions: edits
			.map((e) => ({
				source: e.source,
				editedAt: e.editedAt.toISOString(),
				editorName: editors.get(e.editorId.toString())?.name ?? '—'
			}))
			.reverse()
	};
}

/** The source for the edit form: only for those who may edit the post. */
export async function editablePost(actor: Actor, postId: string) {
	const { post, thread, category } = await loadPost(actor, postId);
	const own = post.authorId.toString() === actor.id;
	if (!moderatesCategory(actor, category) && (!own || post.hidden))
		throw new ForumError('not_found');
	return { source: post.source, number: post.number, threadId: thread._id.toString() };
}

/** The Markdown source to pre-fill an edit form or a quote (only for readers of the thread). */
export async function postSource(actor: Actor, postId: string) {
	const { post, thread, category } = await loadPost(actor, postId);
	if (post.hidden && !moderatesCategory(actor, category)) throw new ForumError('not_found');
	return {
		source: post.source,
		text: post.text,
		number: post.number,
		threadId: thread._id.toString(),
		authorId: post.authorId.toString()
	};
}

/** Adds or removes the member's reaction (toggle). */
export async function toggleReaction(
	actor: Actor,
	postId: string,
	reaction: ReactionKey
): Promise<ForumPostDto> {
	const { post, category } = await loadPost(actor, postId);
	if (!postsInCategory(actor, category)) throw new ForumError('category_forbidden');
	if (post.hidden) throw new ForumError('not_found');
	const field = `reactions.${reaction}`;
	const me = oid(actor.id);
	const has = (post.reactions?.[reaction] ?? []).some((id) => id.equals(me));
	const updated = await ForumPost.findOneAndUpdate(
		{ _id: post._id },
		has ? { $pull: { [field]: me } } : { $addToSet: { [field]: me } },
		{ returnDocument: 'after' }
	).lean<PostLean>();
	await touchThread(post.threadId);
	const dto = await postDto(updated!);
	emitPost('post:updated', dto);
	return dto;
}
