import { municipalitySchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'admin:view');
	return { municipalities: await cohorts.listMunicipalities() };
};

export const actions = {
	create: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'admin:view');
		const form = await parseForm(request, municipalitySchema, locals.locale);
		if (!form.ok) return form.failure;
		const created = await cohorts.createMunicipality(actor, form.data);
		if (!created.ok) return respond.formFailure(created.failure, form.raw, locals.locale);
		return { saved: 'created' as const };
	}
} satisfies Actions;
