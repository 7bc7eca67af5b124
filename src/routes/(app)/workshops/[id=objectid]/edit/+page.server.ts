import { redirect } from '@sveltejs/kit';
import { workshopFormSchema } from '$lib/schemas/workshops';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const workshop = respond.unwrap(await workshops.getWorkshopForEdit(actor, params.id));
	return {
		workshop,
		cohorts: (await cohorts.listCohorts()).map((c) => ({ id: c.id, name: c.name }))
	};
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, workshopFormSchema, locals.locale, ['audienceCohortIds']);
		if (!form.ok) return form.failure;
		const updated = await workshops.updateWorkshop(actor, { ...form.data, id: params.id });
		if (!updated.ok) return respond.formFailure(updated.failure, form.raw, locals.locale);
		redirect(303, `/workshops/${params.id}`);
	}
} satisfies Actions;
