import { trusted } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { ForumThread } from '../db/models';
import { readableCategories, type CategoryLean, type ThreadLean } from './access';
import type { AuthorDto, TagDto } from '$lib/realtime/events';
import { categoryList, forumList } from './cached';
import { authorOf, authorsOf } from './posts';
import { readStatesOf } from './read-state';
import { namedTags } from './tags';

export const threadsPerPage = 25;

export interface ThreadListItem {
	id: string;
	title: string;
	tags: TagDto[];
	pinned: boolean;
	locked: boolean;
	postCount: number;
	lastPostAt: string;
	author: AuthorDto;
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

function encodeCursor(t: ThreadLean) {
	return `${t.lastPostAt.getTime().toString().padStart(13, '0')}_${t._id.toString()}`;
}

async function toListItems(actor: Actor, rows: ThreadLean[]): Promise<ThreadListItem[]> {
	if (rows.length === 0) return [];
	const [authors, tags, states] = await Promise.all([
		authorsOf(rows.flatMap((r) => [r.authorId, r.lastPostAuthorId])),
		namedTags(rows.map((r) => r.tags)),
		readStatesOf(actor.id)
	]);
	return rows.map((t, i) => {
		const lastRead = states[t._id.toString()]?.lastReadNumber;
		return {
			id: t._id.toString(),
			title: t.title,
			tags: tags[i]!,
			pinned: t.pinned,
			locked: t.locked,
			postCount: t.postCount,
			lastPostAt: t.lastPostAt.toISOString(),
			author: authorOf(authors, t.authorId),
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
 * A category's threads (the caller checked that the member reads it): on the first page the
 * pinned ones, then the others by last activity, paged by the (lastPostAt, _id) of the last
 * row (never skip).
 */
export async function listThreads(
	actor: Actor,
	category: CategoryLean,
	options: { tag?: string; cursor?: string } = {}
): Promise<ThreadPage> {
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
	// Every page is cached per tag filter and cursor until the category changes: a page
	// beyond the first is a scan of the category's threads on the embedded database.
	const { pinned: pinnedRows, rows } = await categoryList(
		category._id.toString(),
		`${options.tag ?? ''}|${options.cursor ?? ''}`,
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
	// Cached per set of readable categories, until any category changes.
	const rows = await forumList(
		`recent:${limit}:${categories.map((c) => c._id.toString()).join(',')}`,
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
