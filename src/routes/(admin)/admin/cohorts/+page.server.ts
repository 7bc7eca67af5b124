import { messages } from '$lib/i18n';
import { cohortSchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import { isDuplicate } from '../duplicate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'cohort:manage');
	const [list, counts] = await Promise.all([cohorts.listCohorts(), cohorts.countMembersByCohort()]);
	return { cohorts: list.map((c) => ({ ...c, members: counts.get(c.id) ?? 0 })) };
};

export const actions = {
	create: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'cohort:manage');
		const t = messages(locals.locale).admin.cohorts;
		const form = await parseForm(request, cohortSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (form.data.endsOn <= form.data.startsOn)
			return formError(form.raw, t.endBeforeStart, 'endsOn');
		let created;
		try {
			created = await cohorts.createCohort(form.data);
		} catch (err) {
			if (isDuplicate(err)) return formError(form.raw, t.duplicate, 'name', 409);
			throw err;
		}
		await audit.record({
			actorId: actor.id,
			action: 'cohort.create',
			targetType: 'cohort',
			targetId: created.id,
			summary: created.name
		});
		return { saved: 'created' as const };
	}
} satisfies Actions;
