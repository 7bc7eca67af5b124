import { redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { loginSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth';
import { formError, parseForm } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/redirects';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.member) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')) };
};

export const actions = {
	default: async (event) => {
		const { request, locals, getClientAddress } = event;
		const form = await parseForm(request, loginSchema, locals.locale);
		if (!form.ok) return form.failure;
		const m = messages(locals.locale);
		const result = await auth.attemptLogin(form.data.email, form.data.password, getClientAddress());
		if (!result.ok) {
			return result.reason === 'locked'
				? formError(
						form.raw,
						m.auth.login.locked(Math.ceil(result.retryAfterSeconds / 60)),
						'form',
						429
					)
				: formError(form.raw, m.auth.login.invalid);
		}
		await auth.signIn(event, result.memberId);
		redirect(303, safeRedirectPath(form.data.redirectTo));
	}
} satisfies Actions;
