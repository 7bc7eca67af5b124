import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { memberCohortsSchema, memberRolesSchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import * as members from '$lib/server/members';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function notFound(): never {
	error(404, { message: 'not_found', code: 'not_found' });
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	auth.requirePermission(locals, url, 'member:manage');
	const [member, cohortList] = await Promise.all([
		members.getMemberForAdmin(params.id),
		cohorts.listCohorts()
	]);
	if (!member) notFound();
	return { member, cohorts: cohortList.map((c) => ({ id: c.id, name: c.name })) };
};

function admin(event: RequestEvent) {
	const actor = auth.requirePermission(event.locals, event.url, 'member:manage');
	return { actor, m: messages(event.locals.locale).admin.members };
}

async function setActive(event: RequestEvent, active: boolean) {
	const { actor, m } = admin(event);
	const result = await members.setActive(actor.id, event.params.id, active);
	if (!result.ok) {
		if (result.reason === 'not_found') notFound();
		return formError({}, m.notSelf, 'access');
	}
	await audit.record({
		actorId: actor.id,
		action: active ? 'member.reactivate' : 'member.deactivate',
		targetType: 'member',
		targetId: event.params.id,
		summary: result.summary
	});
	return { saved: active ? ('reactivated' as const) : ('deactivated' as const) };
}

export const actions = {
	roles: async (event) => {
		const { actor, m } = admin(event);
		const form = await parseForm(event.request, memberRolesSchema, event.locals.locale, ['roles']);
		if (!form.ok) return form.failure;
		const result = await members.setRoles(actor.id, event.params.id, form.data.roles);
		if (!result.ok) {
			if (result.reason === 'not_found') notFound();
			return formError(form.raw, m.ownAdminRole, 'roles');
		}
		await audit.record({
			actorId: actor.id,
			action: 'member.roles',
			targetType: 'member',
			targetId: event.params.id,
			summary: result.summary
		});
		return { saved: 'roles' as const };
	},
	cohorts: async (event) => {
		const { actor } = admin(event);
		const form = await parseForm(event.request, memberCohortsSchema, event.locals.locale, [
			'cohortIds'
		]);
		if (!form.ok) return form.failure;
		const result = await members.setCohorts(event.params.id, form.data.cohortIds);
		if (!result.ok) {
			if (result.reason === 'not_found') notFound();
			return formError(form.raw, messages(event.locals.locale).validation.invalidId, 'cohortIds');
		}
		await audit.record({
			actorId: actor.id,
			action: 'member.cohorts',
			targetType: 'member',
			targetId: event.params.id,
			summary: result.summary
		});
		return { saved: 'cohorts' as const };
	},
	deactivate: (event) => setActive(event, false),
	reactivate: (event) => setActive(event, true)
} satisfies Actions;
