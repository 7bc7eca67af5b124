import {
	questionFormSchema,
	questionRefSchema,
	surveySettingsSchema,
	surveyStateSchema
} from '$lib/schemas/survey';
import * as auth from '$lib/server/auth';
import { formToObject, parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

/** The needs survey: the answer form for the roster, the builder and its state for organisers. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return { page: respond.unwrap(await workshops.getSurveyPage(actor, params.id)) };
};

export const actions = {
	answer: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		let formData: FormData;
		try {
			formData = await request.formData();
		} catch {
			formData = new FormData();
		}
		// Every field as a list: a multiple-choice question sends one value per ticked box.
		const raw = formToObject(formData, [...new Set(formData.keys())]);
		const saved = await workshops.saveAnswers(actor, { workshopId: params.id, raw });
		if (!saved.ok) return respond.formFailure(saved.failure, raw, locals.locale);
		return { answered: true };
	},
	state: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, surveyStateSchema, locals.locale);
		if (!form.ok) return form.failure;
		const changed = await workshops.changeSurveyState(actor, {
			workshopId: params.id,
			...form.data
		});
		if (!changed.ok) return respond.formFailure(changed.failure, form.raw, locals.locale, 'state');
		return { state: changed.value.state };
	},
	settings: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, surveySettingsSchema, locals.locale);
		if (!form.ok) return form.failure;
		const saved = await workshops.saveSurveySettings(actor, {
			workshopId: params.id,
			settings: form.data
		});
		if (!saved.ok) return respond.formFailure(saved.failure, form.raw, locals.locale, 'settings');
		return { settings: true };
	},
	add: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, questionFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		const added = await workshops.addQuestion(actor, {
			workshopId: params.id,
			question: form.data
		});
		if (!added.ok) return respond.formFailure(added.failure, form.raw, locals.locale, 'prompt');
		return { added: true };
	},
	remove: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, questionRefSchema, locals.locale);
		if (!form.ok) return form.failure;
		const removed = await workshops.removeQuestion(actor, { workshopId: params.id, ...form.data });
		if (!removed.ok) return respond.formFailure(removed.failure, form.raw, locals.locale, 'list');
		return { removed: true };
	}
} satisfies Actions;
