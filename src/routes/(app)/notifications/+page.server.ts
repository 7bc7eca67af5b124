import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cursorParam } from '$lib/paging';
import { objectId } from '$lib/schemas/fields';
import * as auth from '$lib/server/auth';
import * as notifications from '$lib/server/notifications';
import { safeRedirectPath } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = auth.requireMember(locals, url);
	return notifications.listNotifications(member.id, cursorParam(url));
};

export const actions = {
	/** Marks one notification read and follows its link (works without JavaScript). */
	open: async ({ locals, url, request }) => {
		const member = auth.requireMember(locals, url);
		const form = z.object({ id: objectId }).safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) redirect(303, '/notifications');
		const link = await notifications.openNotification(member.id, form.data.id);
		// Links are written by the app, but only same-site paths are followed all the same.
		redirect(303, safeRedirectPath(link, '/notifications'));
	},
	readAll: async ({ locals, url }) => {
		const member = auth.requireMember(locals, url);
		await notifications.markRead(member.id);
		return { done: true };
	}
} satisfies Actions;
