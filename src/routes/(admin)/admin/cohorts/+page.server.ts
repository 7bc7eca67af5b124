import { cohortSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requirePermission(locals, url, 'admin:view');
	return { cohorts: respond.unwrap(await cohorts.listCohortsWithCounts(actor)) };
};

export const actions = {
	create: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'admin:view');
		const form = await parseForm(request, cohortSchema, locals.locale);
		if (!form.ok) return form.failure;
		const created = await cohorts.createCohort(actor, form.data);
		if (!created.ok) return respond.formFailure(created.failure, form.raw, locals.locale);
		return { saved: 'created' as const };
	}
} satisfies Actions;
