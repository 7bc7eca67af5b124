import type { Types } from 'mongoose';
import type { ForumPostDto, TagDto } from '$lib/realtime/events';
import type { Actor } from '../auth/permissions';
import { ForumPost, ForumThread } from '../db/models';
import { settle, type Result } from '../result';
import {
	loadReadableThread,
	moderatesCategory,
	threadPermissions,
	type CategoryLean,
	type ThreadLean
} from './access';
import { threadPage } from './cached';
import { listCategories, toCategoryDto, type CategoryDto } from './categories';
import { refreshThread } from './counters';
import { postLink, postsPerPage } from './links';
import type { Locale } from '$lib/i18n';
import { authorsOf, postFields, toPostDto, type PostLean } from './posts';
import { quotePost, type QuoteDto } from './quote';
import { namedTags } from './tags';
import { firstUnreadNumber, markRead, readState, type WatchLevel } from './read-state';

export interface ThreadDto {
	id: string;
	title: string;
	tags: TagDto[];
	pinned: boolean;
	locked: boolean;
	lastNumber: number;
	/** The workshop a summary thread comes from ("Aus dem 3. Transfer-Workshop"). */
	fromWorkshop: { href: string; number: number | null; title: string } | null;
}

export interface ThreadView {
	posts: ForumPostDto[];
	/** Numbers for the "earlier" / "later" links; null at either end. */
	before: number | null;
	after: number | null;
	lastReadNumber: number;
	level: WatchLevel;
}

export interface ThreadPageDto {
	thread: ThreadDto;
	category: CategoryDto;
	view: ThreadView;
	/** Categories a moderator may move the thread to. */
	moveTargets: CategoryDto[];
	/** The post the member chose to quote, as Markdown to start the reply with. */
	quote: QuoteDto | null;
	/** What the page offers the member, by the rules the services refuse by. */
	may: ReturnType<typeof threadPermissions>;
}

/** A thread page, or where to go instead (a merged thread, the first unread post). */
export type ThreadOpening = { redirect: string } | { page: ThreadPageDto };

/** A rendered page of posts as it is cached: hidden posts keep their text here. */
interface RenderedPage {
	posts: ForumPostDto[];
	/** Everybody the page names (its cache entry goes when one of them changes their name). */
	authorIds: string[];
}

/** Posts by id, one _id lookup each (see postIds on the thread model), in the given order. */
async function postsByIds(ids: Types.ObjectId[]): Promise<PostLean[]> {
	const rows = await Promise.all(
		ids.map((id) => ForumPost.findById(id, postFields).lean<PostLean>())
	);
	return rows.filter((p): p is PostLean => p !== null);
}

/** One page of a thread: its posts with their authors. */
async function renderPage(pageIds: Types.ObjectId[]): Promise<RenderedPage> {
	const page = await postsByIds(pageIds);
	const authors = await authorsOf(page.map((p) => p.authorId));
	return {
		authorIds: [...authors.keys()],
		posts: page.map((p) => toPostDto(p, authors, true))
	};
}

/**
 * One page of a thread's posts starting at post number `from` (read by _id through the
 * thread's postIds, so a 500-post thread costs the same as a short one), and the member's read
 * position, which is then advanced to the last post shown.
 */
async function viewThread(
	actor: Actor,
	thread: ThreadLean,
	category: CategoryLean,
	from: number
): Promise<ThreadView> {
	const moderator = moderatesCategory(actor, category);
	let ids = (thread.postIds ?? []) as (Types.ObjectId | null)[];
	// A hole (a write lost between two app instances) is repaired from the posts once.
	if (ids.length < thread.lastNumber || ids.some((id) => !id)) {
		await refreshThread(thread._id);
		ids = (await ForumThread.findById(thread._id, { postIds: 1 }).lean())?.postIds ?? [];
	}
	const start = Math.min(Math.max(0, from - 1), Math.max(0, ids.length - 1));
	const pageIds = ids.slice(start, start + postsPerPage).filter((id): id is Types.ObjectId => !!id);
	const [rendered, state] = await Promise.all([
		threadPage(
			thread._id.toString(),
			`${start}:${thread.postsVersion ?? 0}`,
			() => renderPage(pageIds),
			(page) => page.authorIds
		),
		readState(actor.id, thread._id)
	]);
	const lastShown = rendered.posts.at(-1)?.number ?? 0;
	const lastReadNumber = state?.lastReadNumber ?? 0;
	if (lastShown > lastReadNumber) await markRead(actor.id, thread._id, lastShown);
	return {
		// Hidden posts keep their text for moderators only.
		posts: rendered.posts.map((p) => (p.hidden && !moderator ? { ...p, html: '' } : p)),
		before: start > 0 ? Math.max(1, start + 1 - postsPerPage) : null,
		after: start + postsPerPage < ids.length ? start + postsPerPage + 1 : null,
		lastReadNumber,
		level: (state?.level as WatchLevel | undefined) ?? 'normal'
	};
}

/** The quote the reply form starts with: a readable post of this thread, or nothing. */
async function quoteFor(
	actor: Actor,
	threadId: string,
	postId: string | undefined,
	locale: Locale
) {
	if (!postId) return null;
	const quote = await quotePost(actor, { postId, locale });
	return quote.ok && quote.value.threadId === threadId ? quote.value : null;
}

/**
 * Opens a thread for reading: the page of posts from `from` on, with the category's flags,
 * move targets for moderators and the chosen quote. A merged thread sends the member to its
 * target; `unread` sends them to the first post they have not read.
 */
export function openThread(
	actor: Actor,
	input: { threadId: string; from: number; unread?: boolean; quote?: string; locale?: Locale }
): Promise<Result<ThreadOpening>> {
	return settle(async (): Promise<ThreadOpening> => {
		const { thread, category } = await loadReadableThread(actor, input.threadId);
		const id = thread._id.toString();
		if (thread.mergedIntoId) return { redirect: `/forum/t/${thread.mergedIntoId.toString()}` };
		if (input.unread) return { redirect: postLink(id, await firstUnreadNumber(actor, thread)) };
		const categoryDto = toCategoryDto(actor, category);
		const [view, moveTargets, quote, [tags]] = await Promise.all([
			viewThread(actor, thread, category, input.from),
			categoryDto.canModerate
				? listCategories(actor).then((all) =>
						all.filter((c) => c.canModerate && c.id !== categoryDto.id)
					)
				: Promise.resolve([]),
			quoteFor(actor, id, input.quote, input.locale ?? 'de'),
			namedTags([thread.tags])
		]);
		return {
			page: {
				thread: {
					id,
					title: thread.title,
					tags: tags!,
					pinned: thread.pinned,
					locked: thread.locked,
					lastNumber: thread.lastNumber,
					fromWorkshop: thread.fromWorkshop?.id
						? {
								href: `/workshops/${thread.fromWorkshop.id.toString()}`,
								number: thread.fromWorkshop.number ?? null,
								title: thread.fromWorkshop.title ?? ''
							}
						: null
				},
				category: categoryDto,
				view,
				moveTargets,
				may: threadPermissions(actor, category, thread),
				quote
			}
		};
	});
}
