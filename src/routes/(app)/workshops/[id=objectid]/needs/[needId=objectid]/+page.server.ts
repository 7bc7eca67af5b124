import { needFieldsSchema, needMergeSchema } from '$lib/schemas/needs';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';
import { needStatusAction } from '../../../../needs/status-action.server';

/** One need card; organisers edit it, change its status and merge duplicates into it. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return {
		page: respond.unwrap(
			await workshops.getNeedPage(actor, { workshopId: params.id, needId: params.needId })
		)
	};
};

export const actions = {
	update: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, needFieldsSchema, locals.locale);
		if (!form.ok) return form.failure;
		const ids = { workshopId: params.id, needId: params.needId };
		const updated = await workshops.updateNeed(actor, { ...ids, ...form.data });
		if (!updated.ok) return respond.formFailure(updated.failure, form.raw, locals.locale);
		return { updated: true };
	},
	status: needStatusAction,
	merge: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, needMergeSchema, locals.locale);
		if (!form.ok) return form.failure;
		const ids = { workshopId: params.id, needId: params.needId };
		const merged = await workshops.mergeNeeds(actor, { ...ids, ...form.data });
		if (!merged.ok) return respond.formFailure(merged.failure, form.raw, locals.locale, 'otherId');
		return { merged: true };
	}
} satisfies Actions;
