import type { Actor } from '../auth/permissions';
import { renderMarkdown } from '../markdown';
import { settle, type Result } from '../result';
import {
	loadCategoryBySlug,
	moderatesCategory,
	postsInCategory,
	readableCategories,
	readsCategory,
	refusal,
	type CategoryLean
} from './access';
import { listThreads, type ThreadPage } from './lists';
import { listTags } from './tags';

export interface CategoryDto {
	id: string;
	name: string;
	slug: string;
	description: string;
	colour: string;
	order: number;
	readRoles: string[];
	postRoles: string[];
	threadCount: number;
	lastActivityAt: string | null;
	lastThreadId: string | null;
	lastThreadTitle: string;
	canPost: boolean;
	canModerate: boolean;
}

export function toCategoryDto(actor: Actor, c: CategoryLean): CategoryDto {
	return {
		id: c._id.toString(),
		name: c.name,
		slug: c.slug,
		description: c.description,
		colour: c.colour,
		order: c.order,
		readRoles: [...c.readRoles],
		postRoles: [...c.postRoles],
		threadCount: c.threadCount,
		lastActivityAt: c.lastActivityAt ? c.lastActivityAt.toISOString() : null,
		lastThreadId: c.lastThreadId ? c.lastThreadId.toString() : null,
		lastThreadTitle: c.lastThreadTitle,
		canPost: postsInCategory(actor, c),
		canModerate: moderatesCategory(actor, c)
	};
}

/** The forum index: the categories the member reads, with their counters (one query). */
export async function listCategories(actor: Actor): Promise<CategoryDto[]> {
	return (await readableCategories(actor)).map((c) => toCategoryDto(actor, c));
}

export interface CategoryPage {
	category: CategoryDto;
	threads: ThreadPage;
	tags: { name: string; slug: string }[];
}

/** A category's page: its threads (filtered by tag, paged by cursor) and the tags to filter by. */
export function categoryPage(
	actor: Actor,
	input: { slug: string; tag?: string; cursor?: string }
): Promise<Result<CategoryPage>> {
	return settle(async () => {
		const category = await loadCategoryBySlug(input.slug);
		if (!category || !readsCategory(actor, category)) throw refusal('not_found');
		const [threads, tags] = await Promise.all([
			listThreads(actor, category, { tag: input.tag, cursor: input.cursor }),
			listTags()
		]);
		return { category: toCategoryDto(actor, category), threads, tags };
	});
}

/** The preview while writing: the same renderer as on save, nothing stored. */
export function previewMarkdown(source: string): string {
	return renderMarkdown(source, { profile: 'full' });
}
