import {
	materialIdSchema,
	materialLinkSchema,
	materialSettingsSchema
} from '$lib/schemas/materials';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

/**
 * The materials of a workshop. The workshop page shows the same list and forms and posts here;
 * without JavaScript the answer (or the refusal, with the typed text) is this page.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return respond.unwrap(await workshops.getMaterialsPage(actor, params.id));
};

export const actions = {
	/** A multipart form, streamed into storage (this route may take 25 MB, see body-limit.ts). */
	upload: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const fields: Record<string, string> = {};
		const added = await workshops.addMaterialFile(actor, {
			workshopId: params.id,
			form: request,
			fields
		});
		if (!added.ok) return respond.formFailure(added.failure, fields, locals.locale, 'file');
		return { materials: 'added' as const };
	},
	link: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, materialLinkSchema, locals.locale);
		if (!form.ok) return form.failure;
		const added = await workshops.addMaterialLink(actor, {
			workshopId: params.id,
			title: form.data.linkTitle,
			url: form.data.linkUrl
		});
		if (!added.ok) return respond.formFailure(added.failure, form.raw, locals.locale, 'linkUrl');
		return { materials: 'added' as const };
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, materialIdSchema, locals.locale);
		if (!form.ok) return form.failure;
		const removed = await workshops.removeMaterial(actor, { workshopId: params.id, ...form.data });
		if (!removed.ok)
			return respond.formFailure(removed.failure, form.raw, locals.locale, 'material');
		return { materials: 'removed' as const };
	},
	settings: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, materialSettingsSchema, locals.locale);
		if (!form.ok) return form.failure;
		const saved = await workshops.setParticipantUploads(actor, {
			workshopId: params.id,
			...form.data
		});
		if (!saved.ok)
			return respond.formFailure(saved.failure, form.raw, locals.locale, 'participantUploads');
		return { materials: 'settings' as const };
	}
} satisfies Actions;
