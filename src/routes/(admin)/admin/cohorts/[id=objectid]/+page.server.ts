import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { cohortSchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import { isDuplicate } from '../../duplicate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	auth.requirePermission(locals, url, 'cohort:manage');
	const cohort = await cohorts.getCohort(params.id);
	if (!cohort) error(404, { message: 'not_found', code: 'not_found' });
	return { cohort };
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requirePermission(locals, url, 'cohort:manage');
		const t = messages(locals.locale).admin.cohorts;
		const form = await parseForm(request, cohortSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (form.data.endsOn <= form.data.startsOn)
			return formError(form.raw, t.endBeforeStart, 'endsOn');
		if (!(await cohorts.getCohort(params.id)))
			error(404, { message: 'not_found', code: 'not_found' });
		let updated;
		try {
			updated = await cohorts.updateCohort(params.id, form.data);
		} catch (err) {
			if (isDuplicate(err)) return formError(form.raw, t.duplicate, 'name', 409);
			throw err;
		}
		if (!updated) error(404, { message: 'not_found', code: 'not_found' });
		await audit.record({
			actorId: actor.id,
			action: 'cohort.update',
			targetType: 'cohort',
			targetId: updated.id,
			summary: updated.name
		});
		return { saved: true };
	}
} satisfies Actions;
