import { redirect } from '@sveltejs/kit';
import { body } from '$lib/schemas/forum';
import { z } from 'zod';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	return { post: respond.unwrap(await forum.editablePost(member, { postId: params.id })) };
};

export const actions = {
	default: async ({ locals, url, request, params }) => {
		const member = requirePermission(locals, url, 'forum:view');
		const form = await parseForm(request, z.object({ body }), locals.locale);
		if (!form.ok) return form.failure;
		const edited = await forum.editPost(member, { postId: params.id, body: form.data.body });
		if (!edited.ok) return respond.formFailure(edited.failure, form.raw, locals.locale);
		redirect(303, forum.postLink(edited.value.threadId, edited.value.number));
	}
} satisfies Actions;
