import { trusted } from 'mongoose';
import type { TagDto } from '$lib/realtime/events';
import { ForumTag } from '../db/models';

/** Every tag, for the filters and the new-thread form. */
export async function listTags(): Promise<TagDto[]> {
	const rows = await ForumTag.find({}, { name: 1, slug: 1 }).sort({ slug: 1 }).limit(500).lean();
	return rows.map((t) => ({ name: t.name, slug: t.slug }));
}

/**
 * The names of the tags threads carry as slugs ("workshop" -> "Workshop"), in the order given;
 * a slug without a tag (deleted since) shows as itself. One query for all threads of a page.
 */
export async function namedTags(slugLists: string[][]): Promise<TagDto[][]> {
	const slugs = [...new Set(slugLists.flat())];
	if (slugs.length === 0) return slugLists.map(() => []);
	const rows = await ForumTag.find({ slug: trusted({ $in: slugs }) }, { name: 1, slug: 1 }).lean();
	const names = new Map(rows.map((t) => [t.slug, t.name]));
	return slugLists.map((list) => list.map((slug) => ({ slug, name: names.get(slug) ?? slug })));
}
