import { memberCohortsSchema, memberRolesSchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { parseForm } from '$lib/server/forms';
import * as members from '$lib/server/members';
import * as respond from '$lib/server/respond';
import type { Result } from '$lib/server/result';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requirePermission(locals, url, 'member:manage');
	const [member, cohortList] = await Promise.all([
		members.getMemberForAdmin(actor, params.id),
		cohorts.listCohorts()
	]);
	return {
		member: respond.unwrap(member),
		cohorts: cohortList.map((c) => ({ id: c.id, name: c.name }))
	};
};

const actor = (event: RequestEvent) =>
	auth.requirePermission(event.locals, event.url, 'member:manage');

function answer<S extends string>(
	event: RequestEvent,
	result: Result<unknown>,
	saved: S,
	raw: Record<string, unknown> = {}
) {
	if (!result.ok) return respond.formFailure(result.failure, raw, event.locals.locale);
	return { saved };
}

const setActive = (active: boolean) => async (event: RequestEvent) => {
	const result = await members.setActive(actor(event), { memberId: event.params.id, active });
	return answer(event, result, active ? 'reactivated' : 'deactivated');
};

export const actions = {
	roles: async (event) => {
		const admin = actor(event);
		const form = await parseForm(event.request, memberRolesSchema, event.locals.locale, ['roles']);
		if (!form.ok) return form.failure;
		const result = await members.setRoles(admin, {
			memberId: event.params.id,
			roles: form.data.roles
		});
		return answer(event, result, 'roles', form.raw);
	},
	cohorts: async (event) => {
		const admin = actor(event);
		const form = await parseForm(event.request, memberCohortsSchema, event.locals.locale, [
			'cohortIds'
		]);
		if (!form.ok) return form.failure;
		const result = await members.setCohorts(admin, {
			memberId: event.params.id,
			cohortIds: form.data.cohortIds
		});
		return answer(event, result, 'cohorts', form.raw);
	},
	deactivate: setActive(false),
	reactivate: setActive(true)
} satisfies Actions;
