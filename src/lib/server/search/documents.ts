import { Types } from 'mongoose';
import { ForumPost, ForumThread, Message, type SearchKind } from '../db/models';
import { documentCount } from '../db/counts';
import { isObjectId, oid } from '../db/ids';
import { termsOf } from '../forum/terms';
import type { Entry, TermIndex } from './term-index';

/**
 * How each searchable record becomes an index entry, and when it is left out. Hidden posts,
 * posts of hidden or merged threads and deleted chat messages are never indexed: what is not
 * in the index cannot leak into a result.
 */

export interface PostRow {
	_id: Types.ObjectId;
	threadId: Types.ObjectId;
	categoryId: Types.ObjectId;
	authorId: Types.ObjectId;
	terms: string[];
	hidden: boolean;
	threadHidden: boolean;
	createdAt: Date;
}
export interface ThreadRow {
	_id: Types.ObjectId;
	categoryId: Types.ObjectId;
	authorId: Types.ObjectId;
	title: string;
	hidden: boolean;
	mergedIntoId?: Types.ObjectId | null;
	createdAt: Date;
}
export interface MessageRow {
	_id: Types.ObjectId;
	channelId: Types.ObjectId;
	authorId: Types.ObjectId;
	body?: string | null;
	deletedAt?: Date | null;
	createdAt: Date;
}

export const postFields = {
	threadId: 1,
	categoryId: 1,
	authorId: 1,
	terms: 1,
	hidden: 1,
	threadHidden: 1,
	createdAt: 1
};
export const threadFields = {
	categoryId: 1,
	authorId: 1,
	title: 1,
	hidden: 1,
	mergedIntoId: 1,
	createdAt: 1
};
export const messageFields = { channelId: 1, authorId: 1, body: 1, deletedAt: 1, createdAt: 1 };

/** The three kinds live in one index each; an id names its kind by the index it is in. */
export interface Indexes {
	post: TermIndex;
	thread: TermIndex;
	message: TermIndex;
}

const entry = (
	// Records inserted in bulk (the bench forum's threads) may lack createdAt: the id has it.
	row: { _id: Types.ObjectId; authorId: Types.ObjectId; createdAt?: Date | null },
	scope: Types.ObjectId,
	parent: Types.ObjectId | null = null
): Entry => ({
	id: row._id.toString(),
	scope: scope.toString(),
	parent: parent ? parent.toString() : null,
	authorId: row.authorId.toString(),
	createdAt: (row.createdAt ?? row._id.getTimestamp()).getTime()
});

const threadVisible = (t: ThreadRow) => !t.hidden && !t.mergedIntoId;

/** An entry with its terms, or null for a record that must not be in the index. */
type Indexed = { entry: Entry; terms: string[] } | null;

const postItem = (row: PostRow, inVisibleThread: boolean): Indexed =>
	row.hidden || row.threadHidden || !inVisibleThread
		? null
		: { entry: entry(row, row.categoryId, row.threadId), terms: row.terms };

const threadItem = (row: ThreadRow): Indexed =>
	threadVisible(row) ? { entry: entry(row, row.categoryId), terms: termsOf(row.title) } : null;

const messageItem = (row: MessageRow): Indexed =>
	row.deletedAt || !row.body
		? null
		: { entry: entry(row, row.channelId), terms: termsOf(row.body) };

function putItem(index: TermIndex, id: Types.ObjectId, item: Indexed): void {
	if (item) index.put(item.entry, item.terms);
	else index.remove(id.toString());
}

export function putPost(index: TermIndex, row: PostRow, thread: ThreadRow | null): void {
	putItem(index, row._id, postItem(row, thread !== null && threadVisible(thread)));
}

export function putThread(index: TermIndex, row: ThreadRow): void {
	putItem(index, row._id, threadItem(row));
}

export function putMessage(index: TermIndex, row: MessageRow): void {
	putItem(index, row._id, messageItem(row));
}

async function refreshPost(indexes: Indexes, id: Types.ObjectId) {
	const post = await ForumPost.findById(id, postFields).lean<PostRow>();
	if (!post) return indexes.post.remove(id.toString());
	const thread = await ForumThread.findById(post.threadId, threadFields).lean<ThreadRow>();
	putPost(indexes.post, post, thread);
}

/** A thread and every post of it: hiding, moving or merging a thread changes them all. */
async function refreshThread(indexes: Indexes, id: Types.ObjectId) {
	const thread = await ForumThread.findById(id, {
		...threadFields,
		postIds: 1
	}).lean<ThreadRow & { postIds: Types.ObjectId[] }>();
	const known = indexes.post.childrenOf(id.toString());
	if (!thread) {
		indexes.thread.remove(id.toString());
		for (const postId of known) indexes.post.remove(postId);
		return;
	}
	putThread(indexes.thread, thread);
	const current = new Set(thread.postIds.map(String));
	// Posts that left the thread (split or merged away) are refreshed from their new thread.
	const ids = [...new Set([...current, ...known])];
	for (let i = 0; i < ids.length; i += 50) {
		const chunk = ids.slice(i, i + 50).filter(isObjectId);
		const rows = await Promise.all(
			chunk.map((postId) => ForumPost.findById(oid(postId), postFields).lean<PostRow>())
		);
		for (const [k, row] of rows.entries()) {
			if (!row) indexes.post.remove(chunk[k]!);
			else if (row.threadId.equals(thread._id)) putPost(indexes.post, row, thread);
			else await refreshPost(indexes, row._id);
		}
	}
}

async function refreshMessage(indexes: Indexes, id: Types.ObjectId) {
	const message = await Message.findById(id, messageFields).lean<MessageRow>();
	if (!message) indexes.message.remove(id.toString());
	else putMessage(indexes.message, message);
}

/** Reloads one changed record from the database into the index (the database decides). */
export function refresh(indexes: Indexes, kind: SearchKind, id: Types.ObjectId): Promise<void> {
	if (kind === 'post') return refreshPost(indexes, id);
	if (kind === 'thread') return refreshThread(indexes, id);
	return refreshMessage(indexes, id);
}

/** Every record, oldest first (so that newest-first walks need no sort), with progress. */
export async function buildAll(
	indexes: Indexes,
	progress: (done: number, total: number) => void
): Promise<void> {
	const [posts, threads, messages] = await Promise.all([
		documentCount(ForumPost),
		documentCount(ForumThread),
		documentCount(Message)
	]);
	const total = posts + threads + messages;
	let done = 0;
	const step = () => {
		done++;
		if (done % 10_000 === 0) progress(done, total);
	};
	/**
	 * Loads all rows of a query into the index, oldest first (slots in id order), counted as
	 * they stream in. Each row becomes its entry and its terms' numbers as it arrives: holding
	 * 200,000 rows, or their term strings, until the end took hundreds of MB and long garbage
	 * collections.
	 */
	const load = <T>(index: TermIndex, query: AsyncIterable<T>, toItem: (row: T) => Indexed) =>
		index.loadBulk(async () => {
			const items: { entry: Entry; termIds: number[] }[] = [];
			for await (const row of query) {
				const item = toItem(row);
				if (item) items.push({ entry: item.entry, termIds: index.termIdsOf(item.terms) });
				step();
			}
			items.sort((x, y) => (x.entry.id < y.entry.id ? -1 : 1));
			for (const { entry, termIds } of items) index.putTermIds(entry, termIds);
		});
	const visibleThreads = new Set<string>();
	await load(
		indexes.thread,
		ForumThread.find({}, threadFields).lean<ThreadRow>().cursor(),
		(row) => {
			const item = threadItem(row);
			if (item) visibleThreads.add(item.entry.id);
			return item;
		}
	);
	await load(indexes.post, ForumPost.find({}, postFields).lean<PostRow>().cursor(), (row) =>
		postItem(row, visibleThreads.has(row.threadId.toString()))
	);
	await load(
		indexes.message,
		Message.find({}, messageFields).lean<MessageRow>().cursor(),
		messageItem
	);
	progress(total, total);
}
