import { agendaItemRefSchema, agendaItemSchema } from '$lib/schemas/workshops';
import { agendaFlagsSchema } from '$lib/schemas/workshop-summary';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return { agenda: respond.unwrap(await workshops.getAgendaForEdit(actor, params.id)) };
};

/** Moving and removing name one item of the list. */
async function itemAction(
	event: RequestEvent,
	changeOf: (ref: { itemId: string; by?: '-1' | '1' }) => workshops.AgendaChange
) {
	const actor = auth.requireMember(event.locals, event.url);
	const form = await parseForm(event.request, agendaItemRefSchema, event.locals.locale);
	if (!form.ok) return form.failure;
	const changed = await workshops.changeAgenda(actor, {
		workshopId: event.params.id,
		change: changeOf(form.data)
	});
	if (!changed.ok)
		return respond.formFailure(changed.failure, form.raw, event.locals.locale, 'list');
	return { moved: form.data.itemId };
}

export const actions = {
	add: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, agendaItemSchema, locals.locale);
		if (!form.ok) return form.failure;
		const { fromProposal, ...item } = form.data;
		const changed = await workshops.changeAgenda(actor, {
			workshopId: params.id,
			change: { op: 'add', item, fromProposal: fromProposal || undefined }
		});
		if (!changed.ok) return respond.formFailure(changed.failure, form.raw, locals.locale);
		return { added: true };
	},
	flags: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, agendaFlagsSchema, locals.locale);
		if (!form.ok) return form.failure;
		const changed = await workshops.changeAgenda(actor, {
			workshopId: params.id,
			change: { op: 'flags', ...form.data }
		});
		if (!changed.ok) return respond.formFailure(changed.failure, form.raw, locals.locale, 'list');
		return { moved: form.data.itemId };
	},
	remove: (event) => itemAction(event, ({ itemId }) => ({ op: 'remove', itemId })),
	move: (event) =>
		itemAction(event, ({ itemId, by }) => ({ op: 'move', itemId, by: by === '-1' ? -1 : 1 }))
} satisfies Actions;
