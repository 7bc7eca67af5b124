import { redirect } from '@sveltejs/kit';
import { categorySchema, tagSchema } from '$lib/schemas/forum';
import { objectId } from '$lib/schemas/fields';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requirePermission(locals, url, 'forum:manage');
	const [categories, tags] = await Promise.all([forum.listCategories(member), forum.listTags()]);
	return { categories: categories.filter((c) => c.canModerate), tags };
};

const withId = categorySchema.extend({ categoryId: objectId.optional() });

export const actions = {
	category: async ({ locals, url, request }) => {
		const member = requirePermission(locals, url, 'forum:manage');
		const form = await parseForm(request, withId, locals.locale, ['readRoles', 'postRoles']);
		if (!form.ok) return form.failure;
		const saved = await forum.saveCategory(member, form.data);
		if (!saved.ok) return respond.formFailure(saved.failure, form.raw, locals.locale, 'slug');
		redirect(303, '/moderation/categories');
	},
	tag: async ({ locals, url, request }) => {
		const member = requirePermission(locals, url, 'forum:manage');
		const form = await parseForm(request, tagSchema, locals.locale);
		if (!form.ok) return form.failure;
		const created = await forum.createTag(member, form.data);
		if (!created.ok)
			return respond.formFailure(created.failure, form.raw, locals.locale, 'tagSlug');
		redirect(303, '/moderation/categories');
	}
} satisfies Actions;
