import { redirect } from '@sveltejs/kit';
import { acceptInvitationSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as invitations from '$lib/server/invitations';
import * as respond from '$lib/server/respond';
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
		if (!result.ok) return respond.formFailure(result.failure, form.raw, locals.locale);
		// Signed in straight away; a session of someone else in this browser is ended first.
		if (locals.session) await auth.invalidateSession(locals.session.id);
		const { token, expiresAt } = await auth.createSession(
			result.value.memberId,
			request.headers.get('user-agent') ?? ''
		);
		auth.setSessionCookie(cookies, url, token, expiresAt);
		// A supervisor invited for one workshop lands on it; everyone else sets up their profile.
		const { workshopId } = result.value;
		redirect(303, workshopId ? `/workshops/${workshopId}` : '/settings?welcome=1');
	}
} satisfies Actions;
