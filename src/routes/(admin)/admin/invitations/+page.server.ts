import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { cursorParam } from '$lib/paging';
import { idSchema, invitationSchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import * as invitations from '$lib/server/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'invitation:manage');
	const [page, cohortList, municipalities] = await Promise.all([
		invitations.listInvitations(cursorParam(url)),
		cohorts.listCohorts(),
		cohorts.listMunicipalities()
	]);
	return {
		invitations: page.items,
		nextCursor: page.nextCursor,
		cohorts: cohortList.map((c) => ({ id: c.id, name: c.name })),
		municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
		// Organisers invite network roles; only admins hand out the admin role.
		grantableRoles: auth.can(member, 'member:manage')
			? (['alumni', 'supervisor', 'moderator', 'organiser', 'admin'] as const)
			: (['alumni', 'supervisor', 'moderator', 'organiser'] as const)
	};
};

export const actions = {
	create: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'invitation:create');
		const m = messages(locals.locale);
		const form = await parseForm(request, invitationSchema, locals.locale, ['roles']);
		if (!form.ok) return form.failure;
		if (form.data.roles.includes('admin') && !auth.can(actor, 'member:manage'))
			error(403, { message: 'forbidden', code: 'forbidden' });
		const result = await invitations.createInvitation(
			{ ...form.data, locale: 'de' },
			{ id: actor.id, displayName: actor.displayName },
			url.origin
		);
		if (!result.ok) {
			if (result.reason === 'member_exists')
				return formError(form.raw, m.admin.invitations.memberExists, 'email', 409);
			if (result.reason === 'mail_failed')
				return formError(form.raw, m.admin.invitations.mailFailed, 'email', 502);
			const field = result.reason === 'unknown_cohort' ? 'cohortId' : 'municipalityId';
			return formError(form.raw, m.validation.invalidId, field);
		}
		await audit.record({
			actorId: actor.id,
			action: 'invitation.create',
			targetType: 'invitation',
			targetId: result.id,
			summary: `${form.data.email} (${form.data.roles.join(',')})`
		});
		return { saved: 'created' as const, email: form.data.email };
	},
	revoke: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'invitation:manage');
		const form = await parseForm(request, idSchema, locals.locale);
		if (!form.ok) return form.failure;
		if (!(await invitations.revokeInvitation(form.data.id)))
			return formError(form.raw, messages(locals.locale).admin.invitations.notPending, 'list', 409);
		await audit.record({
			actorId: actor.id,
			action: 'invitation.revoke',
			targetType: 'invitation',
			targetId: form.data.id
		});
		return { saved: 'revoked' as const };
	},
	resend: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'invitation:manage');
		const form = await parseForm(request, idSchema, locals.locale);
		if (!form.ok) return form.failure;
		const sent = await invitations.resendInvitation(
			form.data.id,
			{ displayName: actor.displayName },
			url.origin,
			'de'
		);
		const m = messages(locals.locale);
		if (sent === 'not_pending')
			return formError(form.raw, m.admin.invitations.notPending, 'list', 409);
		if (sent === 'mail_failed')
			return formError(form.raw, m.admin.invitations.mailFailed, 'list', 502);
		await audit.record({
			actorId: actor.id,
			action: 'invitation.resend',
			targetType: 'invitation',
			targetId: form.data.id
		});
		return { saved: 'resent' as const };
	}
} satisfies Actions;
