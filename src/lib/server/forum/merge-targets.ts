import { trusted, type Types } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { ForumThread } from '../db/models';
import { settle, type Result } from '../result';
import { escapeRegExp } from '../text';
import { loadModeratedThread, moderatesCategory, readableCategories } from './access';

export interface MergeTargetDto {
	id: string;
	title: string;
	category: string;
	postCount: number;
	lastPostAt: string;
}

/** How many threads one title search offers. */
export const mergeTargetLimit = 10;

/**
 * Threads a moderator may merge this one into, found by a part of their title (any case):
 * visible threads of categories they moderate, most recently active first.
 */
export function findMergeTargets(
	actor: Actor,
	input: { threadId: string; q: string }
): Promise<Result<MergeTargetDto[]>> {
	return settle(async () => {
		const { thread } = await loadModeratedThread(actor, input.threadId);
		const q = input.q.trim();
		if (!q) return [];
		const categories = (await readableCategories(actor)).filter((c) => moderatesCategory(actor, c));
		const names = new Map(categories.map((c) => [c._id.toString(), c.name]));
		const found = await ForumThread.find(
			{
				_id: trusted({ $ne: thread._id }),
				categoryId: trusted({ $in: categories.map((c) => c._id) }),
				hidden: false,
				title: trusted({ $regex: escapeRegExp(q), $options: 'i' })
			},
			{ title: 1, categoryId: 1, postCount: 1, lastPostAt: 1 }
		)
			.sort({ lastPostAt: -1, _id: -1 })
			.limit(mergeTargetLimit)
			.lean<
				{
					_id: Types.ObjectId;
					title: string;
					categoryId: Types.ObjectId;
					postCount: number;
					lastPostAt: Date;
				}[]
			>();
		return found.map((t) => ({
			id: t._id.toString(),
			title: t.title,
			category: names.get(t.categoryId.toString()) ?? '',
			postCount: t.postCount,
			lastPostAt: t.lastPostAt.toISOString()
		}));
	});
}
