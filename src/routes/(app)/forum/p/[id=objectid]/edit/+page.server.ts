import { redirect } from '@sveltejs/kit';
import { body } from '$lib/schemas/forum';
import { z } from 'zod';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	try {
		const post = await forum.editablePost(member, params.id);
		return { post: { id: params.id, ...post } };
	} catch (err) {
		forum.rethrow(err);
	}
};

export const actions = {
	default: async ({ locals, url, request, params }) => {
		const member = requirePermission(locals, url, 'forum:view');
		const form = await parseForm(request, z.object({ body }), locals.locale);
		if (!form.ok) return form.failure;
		let post;
		try {
			post = await forum.editPost(member, params.id, form.data.body);
		} catch (err) {
			return forum.failure(err, form.raw, locals.locale);
		}
		redirect(
			303,
			`/forum/t/${post.threadId}?from=${forum.pageStart(post.number)}#post-${post.number}`
		);
	}
} satisfies Actions;
