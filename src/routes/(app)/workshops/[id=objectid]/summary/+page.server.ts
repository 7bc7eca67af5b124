import { redirect } from '@sveltejs/kit';
import { summaryPublishSchema } from '$lib/schemas/workshop-summary';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return {
		summary: respond.unwrap(
			await workshops.getSummaryPage(actor, { workshopId: params.id, locale: locals.locale })
		)
	};
};

export const actions = {
	publish: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, summaryPublishSchema, locals.locale);
		if (!form.ok) return form.failure;
		const published = await workshops.publishSummary(actor, {
			workshopId: params.id,
			categoryId: form.data.categoryId,
			locale: locals.locale
		});
		if (!published.ok)
			return respond.formFailure(published.failure, form.raw, locals.locale, 'categoryId');
		return { published: published.value.updated ? 'updated' : 'created' };
	},
	followUp: async ({ locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const created = respond.unwrap(
			await workshops.createFollowUpWorkshop(actor, {
				workshopId: params.id,
				locale: locals.locale
			})
		);
		redirect(303, `/workshops/${created.id}/edit`);
	}
} satisfies Actions;
