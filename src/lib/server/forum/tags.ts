import type { TagDto } from '$lib/realtime/events';
import { ForumTag } from '../db/models';
import { forumList } from './cached';

/** Every tag, for the filters and the new-thread form (cached until a tag is created). */
export function listTags(): Promise<TagDto[]> {
	return forumList('tags', async () => {
		const rows = await ForumTag.find({}, { name: 1, slug: 1 }).sort({ slug: 1 }).limit(500).lean();
		return rows.map((t) => ({ name: t.name, slug: t.slug }));
	});
}

/**
 * The names of the tags threads carry as slugs ("workshop" -> "Workshop"), in the order given;
 * a slug without a tag (deleted since) shows as itself. From the cached list of all tags.
 */
export async function namedTags(slugLists: string[][]): Promise<TagDto[][]> {
	if (slugLists.every((list) => list.length === 0)) return slugLists.map(() => []);
	const names = new Map((await listTags()).map((t) => [t.slug, t.name]));
	return slugLists.map((list) => list.map((slug) => ({ slug, name: names.get(slug) ?? slug })));
}
