import { trusted } from 'mongoose';
import type { Actor } from '../auth/permissions';
import { ForumPost, ForumThread, Member } from '../db/models';
import { escapeRegExp, foldText } from '../text';
import { isObjectId, oid } from '../db/ids';
import { readableCategories } from './access';
import { parseQuery, stem } from './terms';

export interface Segment {
	text: string;
	hit: boolean;
}

export interface SearchHit {
	postId: string;
	threadId: string;
	threadTitle: Segment[];
	number: number;
	authorName: string;
	createdAt: string;
	snippet: Segment[];
}

export interface SearchResult {
	hits: SearchHit[];
	nextCursor: string | null;
	terms: string[];
}

export const searchPageSize = 20;

function matches(word: string, needles: string[]): boolean {
	const folded = foldText(word);
	const stemmed = stem(folded);
	return needles.some((n) => stemmed.startsWith(n) || folded.startsWith(n));
}

/**
 * Splits text into plain and highlighted segments (rendered as <mark> by the page, never as
 * HTML), centred on the first hit and cut to about `width` characters.
 */
export function highlight(text: string, needles: string[], width = 220): Segment[] {
	const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
	const firstHit = tokens.find((t) => matches(t[0], needles));
	let start = 0;
	let end = text.length;
	if (text.length > width) {
		start = Math.max(0, (firstHit?.index ?? 0) - Math.floor(width / 3));
		end = Math.min(text.length, start + width);
		// Start and end on word boundaries, not in the middle of a word.
		if (start > 0)
			start = Math.min(firstHit?.index ?? start, text.indexOf(' ', start) + 1 || start);
		if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), (firstHit?.index ?? 0) + 1);
	}
	const segments: Segment[] = [];
	let at = start;
	const push = (s: string, hit: boolean) => {
		if (!s) return;
		const last = segments.at(-1);
		if (last && last.hit === hit) last.text += s;
		else segments.push({ text: s, hit });
	};
	if (start > 0) push('…', false);
	for (const token of tokens) {
		const i = token.index!;
		if (i < start || i + token[0].length > end) continue;
		if (!matches(token[0], needles)) continue;
		push(text.slice(at, i), false);
		push(token[0], true);
		at = i + token[0].length;
	}
	push(text.slice(at, end), false);
	if (end < text.length) push('…', false);
	return segments;
}

/**
 * Posts whose term list holds every query term (and a term starting with the last, unfinished
 * word), only in categories the member reads, never hidden; newest first, by cursor.
 */
export async function search(
	actor: Actor,
	input: { q: string; cursor?: string | null }
): Promise<SearchResult> {
	const { exact, prefix } = parseQuery(input.q);
	const needles = [...exact, ...(prefix ? [prefix] : [])];
	if (needles.length === 0) return { hits: [], nextCursor: null, terms: [] };
	const categories = await readableCategories(actor);
	if (categories.length === 0) return { hits: [], nextCursor: null, terms: needles };

	const conditions: Record<string, unknown>[] = [];
	if (exact.length > 0) conditions.push({ terms: trusted({ $all: exact }) });
	// Anchored: the index on terms can serve a prefix range on MongoDB.
	if (prefix) conditions.push({ terms: trusted({ $regex: `^${escapeRegExp(prefix)}` }) });
	const filter: Record<string, unknown> = {
		$and: conditions,
		categoryId: trusted({ $in: categories.map((c) => c._id) }),
		hidden: false,
		threadHidden: false
	};
	if (isObjectId(input.cursor)) filter._id = trusted({ $lt: oid(input.cursor) });
	const rows = await ForumPost.find(filter, {
		threadId: 1,
		number: 1,
		authorId: 1,
		text: 1,
		createdAt: 1
	})
		.sort({ _id: -1 })
		.limit(searchPageSize + 1)
		.lean();
	const page = rows.slice(0, searchPageSize);
	const [threads, authors] = await Promise.all([
		ForumThread.find(
			{ _id: trusted({ $in: [...new Set(page.map((p) => p.threadId.toString()))].map(oid) }) },
			{ title: 1, hidden: 1 }
		).lean(),
		Member.find(
			{ _id: trusted({ $in: [...new Set(page.map((p) => p.authorId.toString()))].map(oid) }) },
			{ displayName: 1 }
		).lean()
	]);
	const titles = new Map(threads.filter((t) => !t.hidden).map((t) => [t._id.toString(), t.title]));
	const names = new Map(authors.map((a) => [a._id.toString(), a.displayName]));
	return {
		hits: page
			.filter((p) => titles.has(p.threadId.toString()))
			.map((p) => ({
				postId: p._id.toString(),
				threadId: p.threadId.toString(),
				threadTitle: highlight(titles.get(p.threadId.toString())!, needles, 1000),
				number: p.number,
				authorName: names.get(p.authorId.toString()) ?? '—',
				createdAt: p.createdAt.toISOString(),
				snippet: highlight(p.text, needles)
			})),
		nextCursor: rows.length > searchPageSize ? page.at(-1)!._id.toString() : null,
		terms: needles
	};
}
