import { redirect } from '@sveltejs/kit';
import { workshopFormSchema } from '$lib/schemas/workshops';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'workshop:create');
	return { cohorts: (await cohorts.listCohorts()).map((c) => ({ id: c.id, name: c.name })) };
};

export const actions = {
	default: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'workshop:create');
		const form = await parseForm(request, workshopFormSchema, locals.locale, ['audienceCohortIds']);
		if (!form.ok) return form.failure;
		const created = await workshops.createWorkshop(actor, form.data);
		if (!created.ok) return respond.formFailure(created.failure, form.raw, locals.locale);
		redirect(303, `/workshops/${created.value.id}`);
	}
} satisfies Actions;
