import { municipalitySchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requirePermission(locals, url, 'admin:view');
	return { municipality: respond.unwrap(await cohorts.getMunicipality(actor, params.id)) };
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requirePermission(locals, url, 'admin:view');
		const form = await parseForm(request, municipalitySchema, locals.locale);
		if (!form.ok) return form.failure;
		const updated = await cohorts.updateMunicipality(actor, { ...form.data, id: params.id });
		if (!updated.ok) return respond.formFailure(updated.failure, form.raw, locals.locale);
		return { saved: true };
	}
} satisfies Actions;
