import type { Types } from 'mongoose';
import { serialised } from '../db/serial';
import { ForumCategory, ForumPost, ForumThread } from '../db/models';
import type { CategoryLean, ThreadLean } from './access';
import { categoryChanged, threadChanged } from './cached';
import type { PostLean } from './posts';
import { categoryThreads } from './thread-order';

/**
 * Counters and versions the lists and the page cache read: a thread's post count, last post
 * and post ids; a category's thread count and last activity. Every write to posts or threads
 * ends here, so cached pages and lists are retired here, on every instance (cached.ts).
 */

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
	threadChanged(threadId);
}

/** Thread count and latest activity of a category, from its threads (after every write). */
export async function refreshCategory(categoryId: Types.ObjectId): Promise<void> {
	const { count, newest } = await categoryThreads(categoryId);
	await ForumCategory.updateOne(
		{ _id: categoryId },
		{
			$set: {
				threadCount: count,
				lastActivityAt: newest?.lastPostAt ?? null,
				lastThreadId: newest?._id ?? null,
				lastThreadTitle: newest?.title ?? ''
			},
			$inc: { listVersion: 1 }
		}
	);
	categoryChanged(categoryId);
}

/** A new thread: its place in the lists (thread-order.ts), then the category's counters. */
export async function recordNewThread(
	threadId: Types.ObjectId,
	categoryId: Types.ObjectId
): Promise<void> {
	threadChanged(threadId);
	await refreshCategory(categoryId);
}

/**
 * A new reply: counters straight from the new post, no recount (a collection scan on the
 * embedded server). Queued per thread, as every update of a thread document (db/serial.ts).
 */
export async function recordReply(
	thread: ThreadLean,
	category: CategoryLean,
	post: PostLean
): Promise<void> {
	await serialised(thread._id.toString(), () =>
		ForumThread.updateOne(
			{ _id: thread._id },
			{
				$set: {
					[`postIds.${post.number - 1}`]: post._id,
					lastPostAt: post.createdAt,
					lastPostAuthorId: post.authorId
				},
				$max: { lastNumber: post.number, postCount: post.number },
				$addToSet: { participantIds: post.authorId },
				$inc: { postsVersion: 1 }
			}
		)
	);
	await ForumCategory.updateOne(
		{ _id: category._id },
		{
			$set: {
				lastActivityAt: post.createdAt,
				lastThreadId: thread._id,
				lastThreadTitle: thread.title
			},
			$inc: { listVersion: 1 }
		}
	);
	threadChanged(thread._id);
	categoryChanged(category._id);
}

/** Retires the cached first pages of a category's thread lists. */
export async function touchCategory(categoryId: Types.ObjectId): Promise<void> {
	await ForumCategory.updateOne({ _id: categoryId }, { $inc: { listVersion: 1 } });
	categoryChanged(categoryId);
}

/** Retires the cached pages of a thread after any change to its posts. */
export async function touchThread(threadId: Types.ObjectId): Promise<void> {
	await serialised(threadId.toString(), () =>
		ForumThread.updateOne({ _id: threadId }, { $inc: { postsVersion: 1 } })
	);
	threadChanged(threadId);
}
