import { error } from '@sveltejs/kit';
import { accessibilityFeedbackSchema } from '$lib/schemas/legal';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as legal from '$lib/server/legal';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

// Public: an Impressum and the accessibility statement must be reachable without an account.
export const load: PageServerLoad = async ({ locals, params }) => ({
	page: await legal.getLegalPage(params.page),
	mayEdit: auth.can(locals.member, 'legal:manage')
});

export const actions = {
	feedback: async ({ request, locals, url, params, getClientAddress }) => {
		// Only the accessibility statement takes feedback.
		if (params.page !== 'barrierefreiheit') error(404);
		const form = await parseForm(request, accessibilityFeedbackSchema, locals.locale);
		if (!form.ok) return form.failure;
		const sent = await legal.sendAccessibilityFeedback(form.data, getClientAddress(), url.origin);
		if (!sent.ok) return respond.formFailure(sent.failure, form.raw, locals.locale);
		return { sent: true };
	}
} satisfies Actions;
