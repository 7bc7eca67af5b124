import type { Types } from 'mongoose';
import { trusted } from 'mongoose';
import type { AuthorDto, AvatarDto, ForumPostDto } from '$lib/realtime/events';
import type { Actor } from '../auth/permissions';
import * as cache from '../cache';
import { isObjectId, oid } from '../db/ids';
import { readReactions } from '$lib/reactions';
import { ForumPost, Member, type ForumPostDoc } from '../db/models';
import { settle, type Result } from '../result';
import { loadReadableThread, moderatesCategory, refusal } from './access';

export type PostLean = ForumPostDoc;

/** The fields a thread page needs: never the edit history or the search terms. */
export const postFields = {
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

export type Authors = Map<string, { name: string; handle: string; avatar: AvatarDto }>;

const noAvatar: AvatarDto = { hasAvatar: false, avatarVersion: 0 };
type Author = { name: string; handle: string; avatar: AvatarDto };
const authorCache = cache.named<Author>('profiles');

/**
 * Display names, handles and pictures of a page's authors: from the cache, the rest in one query
 * (no N+1). A profile or picture change drops the entry through its member tag.
 */
export async function authorsOf(
	ids: Iterable<Types.ObjectId | null | undefined>
): Promise<Authors> {
	const unique = [...new Set([...ids].filter(Boolean).map((id) => id!.toString()))];
	if (unique.length === 0) return new Map();
	const found = await authorCache.getMany(
		unique.map((id) => `author:${id}`),
		async (missing) => {
			const rows = await Member.find(
				{ _id: trusted({ $in: missing.map((key) => oid(key.slice('author:'.length))) }) },
				{ displayName: 1, handle: 1, hasAvatar: 1, avatarVersion: 1 }
			).lean();
			return new Map(
				rows.map((r) => [
					`author:${r._id.toString()}`,
					{
						name: r.displayName,
						handle: r.handle,
						avatar: { hasAvatar: r.hasAvatar ?? false, avatarVersion: r.avatarVersion ?? 0 }
					}
				])
			);
		},
		(key) => [cache.tags.member(key.slice('author:'.length))]
	);
	return new Map([...found].map(([key, author]) => [key.slice('author:'.length), author]));
}

export function toPostDto(post: PostLean, authors: Authors, showHidden = false): ForumPostDto {
	const author = authors.get(post.authorId.toString());
	return {
		id: post._id.toString(),
		threadId: post.threadId.toString(),
		number: post.number,
		authorId: post.authorId.toString(),
		authorName: author?.name ?? '—',
		authorHandle: author?.handle ?? '',
		authorAvatar: author?.avatar ?? noAvatar,
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

/** A post with its thread and category, if the member may read the thread. */
export async function loadPost(actor: Actor, postId: string) {
	if (!isObjectId(postId)) throw refusal('not_found');
	const post = await ForumPost.findById(oid(postId)).lean<PostLean>();
	if (!post) throw refusal('not_found');
	const { thread, category } = await loadReadableThread(actor, post.threadId.toString());
	return { post, thread, category };
}

export interface PostHistory {
	post: ForumPostDto;
	threadTitle: string;
	versions: { source: string; editedAt: string; editorName: string }[];
	current: string;
}

/** Every earlier version of a post, newest first (visible to all who read the thread). */
export function postHistory(actor: Actor, input: { postId: string }): Promise<Result<PostHistory>> {
	return settle(async () => {
		const { post, thread, category } = await loadPost(actor, input.postId);
		const moderator = moderatesCategory(actor, category);
		if (post.hidden && !moderator) throw refusal('not_found');
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
	});
}

/** The source for the edit form: only for those who may edit the post. */
export function editablePost(
	actor: Actor,
	input: { postId: string }
): Promise<Result<{ id: string; source: string; number: number; threadId: string }>> {
	return settle(async () => {
		const { post, thread, category } = await loadPost(actor, input.postId);
		const own = post.authorId.toString() === actor.id;
		if (!moderatesCategory(actor, category) && (!own || post.hidden)) throw refusal('not_found');
		return {
			id: post._id.toString(),
			source: post.source,
			number: post.number,
			threadId: thread._id.toString()
		};
	});
}

export interface PostSource {
	source: string;
	text: string;
	number: number;
	threadId: string;
	authorId: string;
}

/** Who wrote a post, for its avatar and profile link in lists. */
export function authorOf(authors: Authors, id: { toString(): string }): AuthorDto {
	const author = authors.get(id.toString());
	return {
		id: id.toString(),
		displayName: author?.name ?? '—',
		handle: author?.handle ?? '',
		...(author?.avatar ?? noAvatar)
	};
}

/** The Markdown source to pre-fill a quote (only for readers of the thread). */
export async function postSource(actor: Actor, postId: string): Promise<PostSource> {
	const { post, thread, category } = await loadPost(actor, postId);
	if (post.hidden && !moderatesCategory(actor, category)) throw refusal('not_found');
	return {
		source: post.source,
		text: post.text,
		number: post.number,
		threadId: thread._id.toString(),
		authorId: post.authorId.toString()
	};
}
