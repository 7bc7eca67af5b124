import { legalPageSchema } from '$lib/schemas/legal';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as legal from '$lib/server/legal';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	auth.requirePermission(locals, url, 'legal:manage');
	return { page: await legal.getLegalPage(params.page) };
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requirePermission(locals, url, 'legal:manage');
		const form = await parseForm(request, legalPageSchema, locals.locale);
		if (!form.ok) return form.failure;
		const saved = await legal.updateLegalPage(actor, { ...form.data, key: params.page });
		if (!saved.ok) return respond.formFailure(saved.failure, form.raw, locals.locale);
		return { saved: true };
	}
} satisfies Actions;
