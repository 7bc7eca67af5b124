import { messages } from '$lib/i18n';
import { newPasswordSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	valid: await auth.isPasswordResetTokenValid(params.token)
});

export const actions = {
	default: async ({ request, params, locals, cookies, url }) => {
		const form = await parseForm(request, newPasswordSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (!(await auth.resetPassword(params.token, form.data.password)))
			return formError(form.raw, messages(locals.locale).auth.reset.invalid, 'form', 410);
		// Every session of the member ended, this browser's included.
		auth.deleteSessionCookie(cookies, url);
		return { done: true };
	}
} satisfies Actions;
