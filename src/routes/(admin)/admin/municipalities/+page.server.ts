import { messages } from '$lib/i18n';
import { municipalitySchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import { isDuplicate } from '../duplicate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'municipality:manage');
	return { municipalities: await cohorts.listMunicipalities() };
};

export const actions = {
	create: async ({ request, locals, url }) => {
		const actor = auth.requirePermission(locals, url, 'municipality:manage');
		const form = await parseForm(request, municipalitySchema, locals.locale);
		if (!form.ok) return form.failure;
		let created;
		try {
			created = await cohorts.createMunicipality(form.data);
		} catch (err) {
			if (isDuplicate(err))
				return formError(
					form.raw,
					messages(locals.locale).admin.municipalities.duplicate,
					'name',
					409
				);
			throw err;
		}
		await audit.record({
			actorId: actor.id,
			action: 'municipality.create',
			targetType: 'municipality',
			targetId: created.id,
			summary: `${created.name} (${created.state})`
		});
		return { saved: 'created' as const };
	}
} satisfies Actions;
