import { redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { acceptInvitationSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import { formError, parseForm } from '$lib/server/forms';
import * as invitations from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const check = await invitations.checkInvitationToken(params.token);
	return check.status === 'valid'
		? { status: 'valid' as const, email: check.email, displayName: check.displayName }
		: { status: check.status };
};

export const actions = {
	default: async ({ request, params, locals, cookies, url }) => {
		const form = await parseForm(request, acceptInvitationSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await invitations.acceptInvitation(params.token, {
			displayName: form.data.displayName,
			password: form.data.password,
			locale: locals.locale
		});
		if (!result.ok) {
			const t = messages(locals.locale).auth.invite;
			const text = {
				invalid: t.invalid,
				expired: t.expired,
				accepted: t.accepted,
				revoked: t.revoked,
				member_exists: t.memberExists
			}[result.reason];
			return formError(form.raw, text, 'form', 409);
		}
		// Signed in straight away; a session of someone else in this browser is ended first.
		if (locals.session) await auth.invalidateSession(locals.session.id);
		const { token, expiresAt } = await auth.createSession(
			result.memberId,
			request.headers.get('user-agent') ?? ''
		);
		auth.setSessionCookie(cookies, url, token, expiresAt);
		redirect(303, '/settings?welcome=1');
	}
} satisfies Actions;
