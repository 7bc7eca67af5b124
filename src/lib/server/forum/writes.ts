import { Types, trusted } from 'mongoose';
import type { ForumPostDto } from '$lib/realtime/events';
import { record } from '../audit';
import type { Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { ForumPost, ForumTag, ForumThread, type ReactionKey } from '../db/models';
import { insertWithNextSeq } from '../db/sequence';
import * as searchIndex from '../search/sync';
import { markdownToText, renderMarkdown } from '../markdown';
import { settle, type Result } from '../result';
import { slugify } from '../text';
import {
	loadCategory,
	loadReadableThread,
	moderatesCategory,
	postsInCategory,
	readsCategory,
	refusal,
	writeRefusal
} from './access';
import { recordNewThread, recordReply, touchThread } from './counters';
import { emitPost } from './live';
import { notifyMentions, notifyWatchers } from './notify';
import { loadPost, postDto, type PostLean } from './posts';
import { watchByDefault } from './read-state';
import { termsOf } from './terms';

export interface NewThread {
	categoryId: string;
	title: string;
	body: string;
	tags: string[];
	/** A workshop summary's thread links back to its workshop. */
	fromWorkshop?: { id: string; number: number | null; title: string };
}

async function checkTags(tags: string[]): Promise<string[]> {
	const unique = [...new Set(tags)];
	if (unique.length === 0) return [];
	const found = await ForumTag.find({ slug: trusted({ $in: unique }) }, { slug: 1 }).lean();
	if (found.length !== unique.length) throw refusal('unknown_tag', 'tags');
	return unique;
}

/** What a post stores besides its source: the HTML, a plain text, the search terms. */
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
export function createThread(
	actor: Actor,
	input: NewThread
): Promise<Result<{ threadId: string }>> {
	return settle(async () => {
		const category = await loadCategory(input.categoryId);
		if (!category || !readsCategory(actor, category)) throw refusal('unknown_category');
		if (!postsInCategory(actor, category)) throw refusal('category_forbidden');
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
			postIds: [postId],
			fromWorkshop: input.fromWorkshop
				? { ...input.fromWorkshop, id: oid(input.fromWorkshop.id) }
				: null
		});
		const post = { threadId, title: input.title, body: input.body, number: 1 };
		await Promise.all([
			watchByDefault(actor.id, threadId, 1),
			recordNewThread(threadId, category._id),
			notifyMentions(actor, category, post)
		]);
		await searchIndex.changed('thread', threadId);
		return { threadId: threadId.toString() };
	});
}

export function replyToThread(
	actor: Actor,
	input: { threadId: string; body: string; quotedPostId?: string }
): Promise<Result<ForumPostDto>> {
	return settle(async () => {
		const { thread, category } = await loadReadableThread(actor, input.threadId);
		const refused = writeRefusal(actor, category, thread);
		if (refused) throw refusal(refused);
		let quotedPostId: Types.ObjectId | null = null;
		if (input.quotedPostId) {
			const quoted = isObjectId(input.quotedPostId)
				? await ForumPost.findOne(
						{ _id: oid(input.quotedPostId), threadId: thread._id },
						{ _id: 1 }
					).lean()
				: null;
			if (!quoted) throw refusal('not_found');
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
		await recordReply(thread, category, doc);
		await searchIndex.changed('post', doc._id);
		const dto = await postDto(doc);
		emitPost('post:new', dto);
		await watchByDefault(actor.id, thread._id, doc.number);
		const post = {
			threadId: thread._id,
			title: thread.title,
			body: input.body,
			number: doc.number
		};
		const mentioned = await notifyMentions(actor, category, post);
		await notifyWatchers(actor, thread, category, post, [actor.id, ...mentioned]);
		return dto;
	});
}

/**
 * Edits a post: its author (while they may post in the category and the thread is open), or a
 * moderator of the category (audited). The previous source goes into the history.
 */
export function editPost(
	actor: Actor,
	input: { postId: string; body: string }
): Promise<Result<ForumPostDto>> {
	return settle(async () => {
		const { post, thread, category } = await loadPost(actor, input.postId);
		const moderator = moderatesCategory(actor, category);
		const own = post.authorId.toString() === actor.id;
		if (!own && !moderator) throw refusal('not_author');
		const refused = moderator ? null : writeRefusal(actor, category, thread);
		if (refused) throw refusal(refused);
		if (input.body === post.source) return postDto(post, moderator);
		const content = rendered(input.body, post.number === 1 ? thread.title : '');
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
		await searchIndex.changed('post', post._id);
		if (!own)
			await record({
				actorId: actor.id,
				action: 'forum.post.edit',
				targetType: 'post',
				targetId: input.postId,
				summary: `#${post.number} in „${thread.title}“`
			});
		const dto = await postDto(updated!);
		emitPost('post:updated', dto);
		return dto;
	});
}

/** Edits a thread's opening post (a workshop summary published again), as editPost does. */
export async function editOpeningPost(
	actor: Actor,
	input: { threadId: string; body: string }
): Promise<Result<ForumPostDto>> {
	const thread = isObjectId(input.threadId)
		? await ForumThread.findById(oid(input.threadId), { postIds: 1 }).lean()
		: null;
	const opening = thread?.postIds?.[0];
	if (!opening) return { ok: false, failure: refusal('not_found').failure };
	return editPost(actor, { postId: opening.toString(), body: input.body });
}

/** Adds or removes the member's reaction (toggle). */
export function toggleReaction(
	actor: Actor,
	input: { postId: string; reaction: ReactionKey }
): Promise<Result<ForumPostDto>> {
	return settle(async () => {
		const { post, category } = await loadPost(actor, input.postId);
		if (!postsInCategory(actor, category)) throw refusal('category_forbidden');
		if (post.hidden) throw refusal('not_found');
		const field = `reactions.${input.reaction}`;
		const me = oid(actor.id);
		const has = (post.reactions?.[input.reaction] ?? []).some((id) => id.equals(me));
		const updated = await ForumPost.findOneAndUpdate(
			{ _id: post._id },
			has ? { $pull: { [field]: me } } : { $addToSet: { [field]: me } },
			{ returnDocument: 'after' }
		).lean<PostLean>();
		await touchThread(post.threadId);
		const dto = await postDto(updated!);
		emitPost('post:updated', dto);
		return dto;
	});
}
