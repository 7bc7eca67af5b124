import { cursorParam } from '$lib/paging';
import { idSchema, invitationSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as invitations from '$lib/server/invitations';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requirePermission(locals, url, 'admin:view');
	const [page, cohortList, municipalities] = await Promise.all([
		invitations.listInvitations(actor, { cursor: cursorParam(url) }),
		cohorts.listCohorts(),
		cohorts.listMunicipalities()
	]);
	const { items, nextCursor } = respond.unwrap(page);
	return {
		invitations: items,
		nextCursor,
		cohorts: cohortList.map((c) => ({ id: c.id, name: c.name })),
		municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
		grantableRoles: invitations.grantableRoles(actor)
	};
};

const inviter = (event: RequestEvent) =>
	auth.requirePermission(event.locals, event.url, 'admin:view');

/** Revoking and resending name one invitation of the list. */
async function listAction(
	event: RequestEvent,
	change: (id: string) => ReturnType<typeof invitations.revokeInvitation>,
	saved: 'revoked' | 'resent'
) {
	const form = await parseForm(event.request, idSchema, event.locals.locale);
	if (!form.ok) return form.failure;
	const result = await change(form.data.id);
	if (!result.ok) return respond.formFailure(result.failure, form.raw, event.locals.locale);
	return { saved };
}

export const actions = {
	create: async (event) => {
		const actor = inviter(event);
		const form = await parseForm(event.request, invitationSchema, event.locals.locale, ['roles']);
		if (!form.ok) return form.failure;
		const result = await invitations.createInvitation(actor, {
			...form.data,
			locale: 'de',
			origin: event.url.origin
		});
		if (!result.ok) return respond.formFailure(result.failure, form.raw, event.locals.locale);
		return { saved: 'created' as const, email: form.data.email };
	},
	revoke: (event) => {
		const actor = inviter(event);
		return listAction(event, (id) => invitations.revokeInvitation(actor, { id }), 'revoked');
	},
	resend: (event) => {
		const actor = inviter(event);
		return listAction(
			event,
			(id) => invitations.resendInvitation(actor, { id, origin: event.url.origin, locale: 'de' }),
			'resent'
		);
	}
} satisfies Actions;
