import { redirect } from '@sveltejs/kit';
import { bodyMax, newThreadSchema } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import { formToObject, parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const [categories, tags] = await Promise.all([forum.listCategories(member), forum.listTags()]);
	return {
		categories: categories.filter((c) => c.canPost),
		tags,
		selected: url.searchParams.get('category') ?? ''
	};
};

export const actions = {
	/** The preview without JavaScript: the form comes back with the rendered post. */
	preview: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'forum:view');
		const raw = formToObject(await request.formData(), ['tags']);
		const body = typeof raw.body === 'string' ? raw.body.slice(0, bodyMax) : '';
		return { values: raw, preview: forum.previewMarkdown(body) };
	},
	create: async ({ locals, url, request }) => {
		const member = requirePermission(locals, url, 'forum:view');
		const form = await parseForm(request, newThreadSchema, locals.locale, ['tags']);
		if (!form.ok) return form.failure;
		const created = (await forum.mayWrite(member.id))
			? await forum.createThread(member, form.data)
			: forum.writingTooFast();
		if (!created.ok)
			return respond.formFailure(created.failure, form.raw, locals.locale, 'categoryId');
		redirect(303, `/forum/t/${created.value.threadId}`);
	}
} satisfies Actions;
