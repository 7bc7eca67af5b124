import type { Actor } from '../auth/permissions';
import { ForumCategory } from '../db/models';
import { renderMarkdown } from '../markdown';
import {
	ForumError,
	moderatesCategory,
	postsInCategory,
	readableCategories,
	readsCategory,
	type CategoryLean
} from './access';

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

export async function categoryBySlug(actor: Actor, slug: string): Promise<CategoryLean> {
	const category = await ForumCategory.findOne({ slug }).lean<CategoryLean>();
	if (!category || !readsCategory(actor, category)) throw new ForumError('not_found');
	return category;
}

/** The preview while writing: the same renderer as on save, nothing stored. */
export function previewMarkdown(source: string): string {
	return renderMarkdown(source, { profile: 'full' });
}
