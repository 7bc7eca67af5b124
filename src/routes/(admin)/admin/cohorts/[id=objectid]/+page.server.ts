import { error } from '@sveltejs/kit';
import { cohortMemberSchema, cohortPickerQuerySchema, cohortSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requirePermission(locals, url, 'admin:view');
	const query = cohortPickerQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(400, { message: 'invalid', code: 'invalid' });
	const [cohort, roster] = await Promise.all([
		cohorts.getCohort(actor, params.id),
		cohorts.cohortRoster(actor, { cohortId: params.id, q: query.data.q })
	]);
	return { cohort: respond.unwrap(cohort), ...respond.unwrap(roster), q: query.data.q ?? '' };
};

/** Adds a member to the cohort or takes them out; the answer names who. */
async function changeMembership(event: RequestEvent, change: 'add' | 'remove') {
	const { request, locals, url, params } = event;
	const actor = auth.requirePermission(locals, url, 'admin:view');
	const form = await parseForm(request, cohortMemberSchema, locals.locale);
	if (!form.ok) error(400, { message: 'invalid', code: 'invalid' });
	const changed = await cohorts.changeCohortMembership(actor, {
		cohortId: params.id,
		memberId: form.data.memberId,
		change
	});
	return { membership: { change, displayName: respond.unwrap(changed).displayName } };
}

export const actions = {
	save: async ({ request, locals, url, params }) => {
		const actor = auth.requirePermission(locals, url, 'admin:view');
		const form = await parseForm(request, cohortSchema, locals.locale);
		if (!form.ok) return form.failure;
		const updated = await cohorts.updateCohort(actor, { ...form.data, id: params.id });
		if (!updated.ok) return respond.formFailure(updated.failure, form.raw, locals.locale);
		return { saved: true };
	},
	add: (event) => changeMembership(event, 'add'),
	remove: (event) => changeMembership(event, 'remove')
} satisfies Actions;
