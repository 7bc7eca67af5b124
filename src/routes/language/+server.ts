import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import * as auth from '$lib/server/auth';
import * as members from '$lib/server/members';
import { safeRedirectPath } from '$lib/server/redirects';
import type { RequestHandler } from './$types';

/** Switches the UI language: stored on the member when signed in, in a cookie otherwise. */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (isLocale(locale)) {
		auth.setLocaleCookie(cookies, url, locale);
		if (locals.member) await members.setLocale(locals.member.id, locale);
	}
	redirect(303, safeRedirectPath(form.get('redirectTo')));
};
