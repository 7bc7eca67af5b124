import { error } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { municipalitySchema } from '$lib/schemas/members';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import { isDuplicate } from '../../duplicate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	auth.requirePermission(locals, url, 'municipality:manage');
	const municipality = (await cohorts.listMunicipalities()).find((m) => m.id === params.id);
	if (!municipality) error(404, { message: 'not_found', code: 'not_found' });
	return { municipality };
};

export const actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = auth.requirePermission(locals, url, 'municipality:manage');
		const form = await parseForm(request, municipalitySchema, locals.locale);
		if (!form.ok) return form.failure;
		let updated;
		try {
			updated = await cohorts.updateMunicipality(params.id, form.data);
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
		if (!updated) error(404, { message: 'not_found', code: 'not_found' });
		await audit.record({
			actorId: actor.id,
			action: 'municipality.update',
			targetType: 'municipality',
			targetId: updated.id,
			summary: `${updated.name} (${updated.state})`
		});
		return { saved: true };
	}
} satisfies Actions;
