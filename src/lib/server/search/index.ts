/**
 * One search over forum posts, thread titles, categories, chat messages and members. Posts,
 * titles and messages come from the in-memory index (sync.ts); categories and members are few
 * and matched directly. Every result passes the member's current read rights twice: in the
 * index walk (category or channel) and again on the record loaded from the database, so a
 * stale index entry can never show a hidden post, not even as a count or a snippet.
 */
import { Types, trusted } from 'mongoose';
import { networkRoles } from '$lib/roles';
import { can, type Actor } from '../auth/permissions';
import { listChannels } from '../chat';
import * as cache from '../cache';
import { ForumPost, Member, Message, type ForumThreadDoc, type MemberDoc } from '../db/models';
import { readableCategories } from '../forum/access';
import { findPostFields, findThread } from '../forum/cached';
import { authorsOf } from '../forum/posts';
import { parseQuery, stem, words } from '../forum/terms';
import { markdownToText } from '../markdown';
import { foldText } from '../text';
import { highlight, type Segment } from './highlight';
import { current } from './sync';
import type { Entry, Query } from './term-index';

export { highlight, type Segment };
export {
	bumpGeneration,
	changed,
	messageChanged,
	rebuild,
	startSearchIndex,
	stopSearchIndex
} from './sync';

export const searchKindNames = ['posts', 'threads', 'messages', 'categories', 'members'] as const;
export type SearchKindName = (typeof searchKindNames)[number];
export const periods = { day: 1, week: 7, month: 31, year: 366 } as const;
export type Period = keyof typeof periods;

export interface SearchInput {
	q: string;
	kind?: SearchKindName | null;
	/** A category id: posts and threads in it only. */
	category?: string | null;
	/** Part of an author's name: posts, threads and messages by matching members only. */
	author?: string | null;
	period?: Period | null;
	cursor?: string | null;
}

export interface PostHit {
	id: string;
	threadId: string;
	number: number;
	threadTitle: Segment[];
	authorName: string;
	createdAt: string;
	snippet: Segment[];
}
export interface ThreadHit {
	id: string;
	title: Segment[];
	categoryName: string;
	createdAt: string;
}
export interface MessageHit {
	id: string;
	channelSlug: string;
	channelName: string;
	seq: number;
	authorName: string;
	createdAt: string;
	snippet: Segment[];
}
export interface CategoryHit {
	slug: string;
	name: Segment[];
	description: Segment[];
}
export interface MemberHit {
	handle: string;
	name: Segment[];
	jobTitle: string;
}
export interface Group<T> {
	hits: T[];
	nextCursor: string | null;
}
export interface SearchResults {
	/** False while the index is still being built after a start: results may be incomplete. */
	complete: boolean;
	terms: string[];
	posts: Group<PostHit> | null;
	threads: Group<ThreadHit> | null;
	messages: Group<MessageHit> | null;
	categories: Group<CategoryHit> | null;
	members: Group<MemberHit> | null;
}

/** Hits per kind on the overview; a kind of its own shows a full page. */
const overviewSize = 5;
const pageSize = 20;

const needlesOf = (query: Query) => [...query.exact, ...(query.prefix ? [query.prefix] : [])];

/** The words of a short text (a name) as the query compares them: stemmed and folded. */
interface Matchable {
	stems: string[];
	folded: string[];
}

function matchableOf(text: string): Matchable {
	const folded = words(text);
	return { stems: folded.map(stem), folded };
}

/** Does a short text match the query as the index would (every word, last by prefix)? */
function textMatches(text: Matchable, query: Query): boolean {
	const { stems, folded } = text;
	return (
		query.exact.every((t) => stems.includes(t)) &&
		(!query.prefix ||
			stems.some((t) => t.startsWith(query.prefix!)) ||
			folded.some((w) => w.startsWith(query.prefix!)))
	);
}

/** Cached until any member changes (memberChanged retires the directory tag). */
const memberLists = cache.named<MemberRow[]>('directory');
type MemberRow = Pick<MemberDoc, 'handle' | 'displayName' | 'sortName' | 'jobTitle' | 'topics'> & {
	_id: Types.ObjectId;
};
/** Name, title and topics as the query compares them: worked out once per cached list. */
type MatchableMember = MemberRow & { matchable: Matchable };

/** Active network members (as the directory lists them), for the member hits. */
function networkMembers(): Promise<MatchableMember[]> {
	return memberLists.get(
		'search:members',
		async () =>
			(
				await Member.find(
					{ deactivatedAt: null, roles: trusted({ $in: [...networkRoles] }) },
					{ handle: 1, displayName: 1, sortName: 1, jobTitle: 1, topics: 1 }
				).lean<MemberRow[]>()
			).map((m) => ({
				...m,
				matchable: matchableOf(`${m.displayName} ${m.jobTitle} ${m.topics.join(' ')}`)
			})),
		() => [cache.tags.directory]
	);
}

/** Every member's sort name, for the author filter. */
function allMemberNames(): Promise<MemberRow[]> {
	return memberLists.get(
		'search:names',
		() => Member.find({}, { sortName: 1 }).lean<MemberRow[]>(),
		() => [cache.tags.directory]
	);
}

async function authorIdsNamed(name: string): Promise<Set<string>> {
	const needle = foldText(name).trim();
	const rows = await allMemberNames();
	return new Set(rows.filter((m) => m.sortName.includes(needle)).map((m) => m._id.toString()));
}

export async function search(actor: Actor, input: SearchInput): Promise<SearchResults> {
	const query = parseQuery(input.q);
	const needles = needlesOf(query);
	const wanted = (kind: SearchKindName) => !input.kind || input.kind === kind;
	const limit = input.kind ? pageSize : overviewSize;
	const cursor = input.kind ? (input.cursor ?? null) : null;
	const empty: SearchResults = {
		complete: current().complete,
		terms: needles,
		posts: null,
		threads: null,
		messages: null,
		categories: null,
		members: null
	};
	if (needles.length === 0) return empty;

	const authors = input.author ? await authorIdsNamed(input.author) : null;
	const since = input.period ? Date.now() - periods[input.period] * 86_400_000 : 0;
	const common = (e: Entry) => e.createdAt >= since && (!authors || authors.has(e.authorId));
	const forumAllowed = can(actor, 'forum:view');
	const categories = forumAllowed ? await readableCategories(actor) : [];
	const inCategory = new Set(
		categories
			.filter((c) => !input.category || c._id.toString() === input.category)
			.map((c) => c._id.toString())
	);
	const categoryIds = new Set(categories.map((c) => c._id.toString()));
	const scoped = (e: Entry) => inCategory.has(e.scope) && common(e);
	const { indexes: index, complete } = current();
	const result: SearchResults = { ...empty, complete };

	if (forumAllowed && wanted('posts')) {
		const page = index.post.search(query, { limit, before: cursor, allowed: scoped });
		result.posts = await postHits(page.entries, categoryIds, needles, page.nextCursor);
	}
	if (forumAllowed && wanted('threads')) {
		const page = index.thread.search(query, { limit, before: cursor, allowed: scoped });
		const names = new Map(categories.map((c) => [c._id.toString(), c.name]));
		result.threads = await threadHits(page.entries, names, needles, page.nextCursor);
	}
	if (wanted('messages') && can(actor, 'channel:list')) {
		const channels = new Map((await listChannels(actor)).map((c) => [c.id, c]));
		const page = index.message.search(query, {
			limit,
			before: cursor,
			allowed: (e) => channels.has(e.scope) && common(e)
		});
		result.messages = await messageHits(page.entries, channels, needles, page.nextCursor);
	}
	if (forumAllowed && wanted('categories') && !input.author && !input.period) {
		const hits = categories
			.filter((c) => textMatches(matchableOf(`${c.name} ${c.description}`), query))
			.map((c) => ({
				slug: c.slug,
				name: highlight(c.name, needles, 1000),
				description: highlight(c.description, needles)
			}));
		result.categories = { hits, nextCursor: null };
	}
	if (wanted('members') && can(actor, 'directory:view') && !input.category) {
		result.members = await memberHits(query, needles, limit, cursor);
	}
	return result;
}

/** Posts as the page shows them, checked again against the stored record. */
async function postHits(
	entries: Entry[],
	categoryIds: Set<string>,
	needles: string[],
	nextCursor: string | null
): Promise<Group<PostHit>> {
	const rows = await Promise.all(
		entries.map((e) =>
			findPostFields(e.id, () =>
				ForumPost.findById(new Types.ObjectId(e.id), {
					threadId: 1,
					categoryId: 1,
					number: 1,
					authorId: 1,
					text: 1,
					hidden: 1,
					threadHidden: 1,
					createdAt: 1
				}).lean()
			)
		)
	);
	const posts = rows.filter(
		(p) => p && !p.hidden && !p.threadHidden && categoryIds.has(p.categoryId.toString())
	) as NonNullable<(typeof rows)[number]>[];
	const threads = await loadThreads(posts.map((p) => p.threadId.toString()));
	const names = await authorsOf(posts.map((p) => p.authorId));
	const hits = posts.flatMap((p) => {
		const thread = threads.get(p.threadId.toString());
		if (!thread || !categoryIds.has(thread.categoryId.toString())) return [];
		return [
			{
				id: p._id.toString(),
				threadId: p.threadId.toString(),
				number: p.number,
				threadTitle: highlight(thread.title, needles, 1000),
				authorName: names.get(p.authorId.toString())?.name ?? '—',
				createdAt: p.createdAt.toISOString(),
				snippet: highlight(p.text, needles)
			}
		];
	});
	return { hits, nextCursor };
}

/** Threads by id from the forum's cache; hidden and merged ones are left out. */
async function loadThreads(ids: string[]) {
	const rows = await Promise.all([...new Set(ids)].map((id) => findThread(new Types.ObjectId(id))));
	const visible = rows.filter((t) => t && !t.hidden && !t.mergedIntoId) as ForumThreadDoc[];
	return new Map(visible.map((t) => [t._id.toString(), t]));
}

async function threadHits(
	entries: Entry[],
	categoryNames: Map<string, string>,
	needles: string[],
	nextCursor: string | null
): Promise<Group<ThreadHit>> {
	const threads = await loadThreads(entries.map((e) => e.id));
	const hits = entries.flatMap((e) => {
		const thread = threads.get(e.id);
		const categoryName = thread && categoryNames.get(thread.categoryId.toString());
		if (!thread || categoryName === undefined) return [];
		return [
			{
				id: e.id,
				title: highlight(thread.title, needles, 1000),
				categoryName,
				createdAt: (thread.createdAt ?? thread._id.getTimestamp()).toISOString()
			}
		];
	});
	return { hits, nextCursor };
}

async function messageHits(
	entries: Entry[],
	channels: Map<string, { slug: string; name: string }>,
	needles: string[],
	nextCursor: string | null
): Promise<Group<MessageHit>> {
	const rows = await Promise.all(
		entries.map((e) => Message.findById(new Types.ObjectId(e.id)).lean())
	);
	const hits = rows.flatMap((m) => {
		const channel = m && channels.get(m.channelId.toString());
		if (!m || !channel || m.deletedAt || !m.body) return [];
		return [
			{
				id: m._id.toString(),
				channelSlug: channel.slug,
				channelName: channel.name,
				seq: m.seq,
				authorName: m.authorName,
				createdAt: m.createdAt.toISOString(),
				snippet: highlight(markdownToText(m.body, 2000), needles)
			}
		];
	});
	return { hits, nextCursor };
}

/** Active network members (as the directory lists them) whose name, title or topics match. */
async function memberHits(
	query: Query,
	needles: string[],
	limit: number,
	cursor: string | null
): Promise<Group<MemberHit>> {
	const matching = (await networkMembers())
		.filter((m) => textMatches(m.matchable, query))
		.sort((a, b) => a.sortName.localeCompare(b.sortName, 'de') || (a.handle < b.handle ? -1 : 1));
	const start = cursor ? matching.findIndex((m) => m.handle === cursor) + 1 : 0;
	const page = matching.slice(start, start + limit);
	return {
		hits: page.map((m) => ({
			handle: m.handle,
			name: highlight(m.displayName, needles, 1000),
			jobTitle: m.jobTitle
		})),
		nextCursor: start + limit < matching.length ? page.at(-1)!.handle : null
	};
}
