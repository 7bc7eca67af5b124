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
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
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
		// A fresh session id on every login (no session fixation); an old one is ended.
		if (locals.session) await auth.invalidateSession(locals.session.id);
		const { token, expiresAt } = await auth.createSession(
			result.memberId,
			request.headers.get('user-agent') ?? ''
		);
		auth.setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, safeRedirectPath(form.data.redirectTo));
	}
} satisfies Actions;
