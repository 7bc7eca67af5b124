import type { Types } from 'mongoose';
import * as cache from '../cache';
import {
	ForumCategory,
	ForumThread,
	type ForumCategoryDoc,
	type ForumThreadDoc
} from '../db/models';

/**
 * The forum's cached reads: categories, thread documents, rendered pages and lists across
 * the forum (the threads' order is thread-order.ts). Every write to a thread or category calls
 * `threadChanged` or `categoryChanged` (counters.ts does for all post writes), on every
 * instance. Entries are
 * content only; who may read them is checked on every request (access.ts).
 */
const threadPages = cache.named<unknown>('threadPages');
const categoryPages = cache.named<unknown>('categoryPages');

/** All categories in display order (a short list; counters included). */
export function allCategories(): Promise<ForumCategoryDoc[]> {
	return categoryPages.get(
		'categories',
		() => ForumCategory.find().sort({ order: 1, _id: 1 }).lean<ForumCategoryDoc[]>(),
		() => [cache.tags.forum]
	);
}

/**
 * A category by id or slug. One that is not in the cached list is looked for again in the
 * database (the cache never answers "does not exist" from memory).
 */
export async function findCategory(
	match: (category: ForumCategoryDoc) => boolean
): Promise<ForumCategoryDoc | null> {
	const cached = (await allCategories()).find(match);
	if (cached) return cached;
	categoryPages.delete(['categories']);
	return (await allCategories()).find(match) ?? null;
}

export function findThread(id: Types.ObjectId): Promise<ForumThreadDoc | null> {
	const threadId = id.toString();
	return threadPages.get(
		`thread:${threadId}`,
		() => ForumThread.findById(id).lean<ForumThreadDoc>(),
		() => [cache.tags.thread(threadId)]
	);
}

/** A rendered page of a thread; tagged with the thread and the authors it names. */
export function threadPage<T>(
	threadId: string,
	key: string,
	render: () => Promise<T>,
	authorsOf: (page: T) => string[]
): Promise<T> {
	return threadPages.get(`page:${threadId}:${key}`, render, (page) => [
		cache.tags.thread(threadId),
		...authorsOf(page).map(cache.tags.member)
	]);
}

/**
 * A post's fields by id (search hits), tagged with its thread: every post write retires the
 * thread's entries, so this is as current as the thread page showing the same post.
 */
export function findPostFields<T extends { threadId: Types.ObjectId }>(
	id: string,
	load: () => Promise<T | null>
): Promise<T | null> {
	return threadPages.get(`post:${id}`, load, (post) => [
		cache.tags.thread(post.threadId.toString())
	]);
}

/** Lists across categories (the start page's newest threads). */
export function forumList<T>(key: string, query: () => Promise<T>) {
	return categoryPages.get(`forum:${key}`, query, () => [cache.tags.forum]);
}

/** Tags or anything else listed across the forum. */
export function forumChanged(): void {
	cache.invalidateTags(cache.tags.forum);
}

export function threadChanged(...ids: Types.ObjectId[]): void {
	cache.invalidateTags(...ids.map((id) => cache.tags.thread(id.toString())));
}

/** Also retires the category list and everything listing across categories. */
export function categoryChanged(...ids: Types.ObjectId[]): void {
	cache.invalidateTags(...ids.map((id) => cache.tags.category(id.toString())), cache.tags.forum);
}
