import type { Actor } from '../auth/permissions';
import { readableCategories, type CategoryLean, type ThreadLean } from './access';
import type { AuthorDto, TagDto } from '$lib/realtime/events';
import { authorOf, authorsOf } from './posts';
import { readStatesOf } from './read-state';
import { namedTags } from './tags';
import { threadsInOrder, type ListPosition } from './thread-order';

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

function decodeCursor(cursor: string | undefined): ListPosition | null {
	const [time, id] = cursor?.split('_') ?? [];
	return time && id ? { lastPostAt: Number(time), id } : null;
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
	const categoryIds = [category._id.toString()];
	const [pinnedRows, rows] = await Promise.all([
		options.cursor
			? Promise.resolve([])
			: threadsInOrder(categoryIds, { pinned: true, tag: options.tag }, threadsPerPage),
		threadsInOrder(
			categoryIds,
			{ pinned: false, tag: options.tag, after: decodeCursor(options.cursor) },
			threadsPerPage + 1
		)
	]);
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
	const rows = await threadsInOrder(
		categories.map((c) => c._id.toString()),
		{},
		limit
	);
	return toListItems(actor, rows);
}
