import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cursorParam } from '$lib/paging';
import { objectId } from '$lib/schemas/fields';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requirePermission(locals, url, 'moderation:view');
	return { reports: await forum.listOpenReports(member, { cursor: cursorParam(url) }) };
};

const reportAction = (outcome: 'resolved' | 'dismissed') =>
	(async ({ locals, url, request }) => {
		const member = requirePermission(locals, url, 'moderation:view');
		const form = await parseForm(request, z.object({ reportId: objectId }), locals.locale);
		if (!form.ok) return form.failure;
		const closed = await forum.closeReport(member, { reportId: form.data.reportId, outcome });
		if (!closed.ok) return respond.formFailure(closed.failure, form.raw, locals.locale);
		redirect(303, '/moderation');
	}) satisfies Actions[string];

export const actions = {
	resolve: reportAction('resolved'),
	dismiss: reportAction('dismissed')
} satisfies Actions;
