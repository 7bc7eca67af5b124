import { error, redirect } from '@sveltejs/kit';
import { needCreateSchema, needSourceQuerySchema } from '$lib/schemas/needs';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

/** A new need card, filled from the survey answer or notes it is taken from (query string). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const query = needSourceQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	// A source that cannot be read answers like one that does not exist.
	if (!query.success) error(404, { message: 'not_found', code: 'not_found' });
	const source = query.data;
	return {
		draft: respond.unwrap(
			await workshops.getNeedDraft(actor, {
				workshopId: params.id,
				from: source.from,
				questionId: 'question' in source ? source.question : undefined,
				responseId: 'response' in source ? source.response : undefined,
				itemId: 'item' in source ? source.item : undefined
			})
		)
	};
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, needCreateSchema, locals.locale);
		if (!form.ok) return form.failure;
		const created = await workshops.createNeed(actor, { workshopId: params.id, ...form.data });
		if (!created.ok) return respond.formFailure(created.failure, form.raw, locals.locale);
		redirect(303, `/workshops/${params.id}/needs#need-${created.value.id}`);
	}
} satisfies Actions;
