import { trusted } from 'mongoose';
import { record } from '../audit';
import type { Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { ForumCategory, ForumPost, ForumReport, ForumThread, Member } from '../db/models';
import { settle, type Result } from '../result';
import {
	loadCategory,
	loadReadableThread,
	moderatesCategory,
	refusal,
	type CategoryLean
} from './access';

/** Members report posts; moderators of the post's category resolve or dismiss the report. */

export function reportPost(
	actor: Actor,
	input: { postId: string; reason: string }
): Promise<Result<null>> {
	return settle(async () => {
		if (!isObjectId(input.postId)) throw refusal('not_found');
		const post = await ForumPost.findById(oid(input.postId), { threadId: 1 }).lean();
		if (!post) throw refusal('not_found');
		const { category } = await loadReadableThread(actor, post.threadId.toString());
		const open = await ForumReport.exists({
			postId: post._id,
			reporterId: oid(actor.id),
			status: 'open'
		});
		if (open) throw refusal('already_reported');
		await ForumReport.create({
			postId: post._id,
			threadId: post.threadId,
			categoryId: category._id,
			reporterId: oid(actor.id),
			reason: input.reason
		});
		return null;
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
	input: { cursor?: string | null; limit?: number } = {}
): Promise<{ items: ReportDto[]; nextCursor: string | null }> {
	const limit = input.limit ?? 30;
	const categories = (await ForumCategory.find().lean<CategoryLean[]>()).filter((c) =>
		moderatesCategory(actor, c)
	);
	const filter: Record<string, unknown> = {
		status: 'open',
		categoryId: trusted({ $in: categories.map((c) => c._id) })
	};
	if (isObjectId(input.cursor)) filter._id = trusted({ $gt: oid(input.cursor) });
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

export function closeReport(
	actor: Actor,
	input: { reportId: string; outcome: 'resolved' | 'dismissed' }
): Promise<Result<null>> {
	return settle(async () => {
		if (!isObjectId(input.reportId)) throw refusal('not_found');
		const report = await ForumReport.findById(oid(input.reportId)).lean();
		if (!report || report.status !== 'open') throw refusal('not_found');
		const category = await loadCategory(report.categoryId.toString());
		if (!category || !moderatesCategory(actor, category)) throw refusal('not_found');
		await ForumReport.updateOne(
			{ _id: report._id, status: 'open' },
			{ $set: { status: input.outcome, handledById: oid(actor.id), handledAt: new Date() } }
		);
		await record({
			actorId: actor.id,
			action: `forum.report.${input.outcome === 'resolved' ? 'resolve' : 'dismiss'}`,
			targetType: 'post',
			targetId: report.postId.toString(),
			summary: report.reason.slice(0, 200)
		});
		return null;
	});
}
