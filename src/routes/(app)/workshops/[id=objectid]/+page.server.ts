import {
	proposalSchema,
	rsvpSchema,
	guestInviteSchema,
	guestRefSchema,
	workshopStateSchema
} from '$lib/schemas/workshops';
import {
	attendanceSchema,
	liveMoveSchema,
	noteSaveSchema,
	noteTakerSchema,
	notesReopenSchema,
	outcomeFormSchema,
	outcomeRefSchema
} from '$lib/schemas/workshop-results';
import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return {
		workshop: respond.unwrap(
			await workshops.getWorkshopPage(actor, params.id, new Date(), locals.locale)
		)
	};
};

export const actions = {
	rsvp: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, rsvpSchema, locals.locale);
		if (!form.ok) return form.failure;
		const answered = await workshops.answerRsvp(actor, { workshopId: params.id, ...form.data });
		if (!answered.ok)
			return respond.formFailure(answered.failure, form.raw, locals.locale, 'answer');
		return { answered: answered.value.status };
	},
	inviteSupervisor: (event) => inviteGuest(event, 'inviteSupervisor'),
	inviteObserver: (event) => inviteGuest(event, 'inviteObserver'),
	revokeGuest: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, guestRefSchema, locals.locale);
		if (!form.ok) return form.failure;
		respond.unwrap(await workshops.revokeGuest(actor, { workshopId: params.id, ...form.data }));
		return { revoked: true };
	},
	propose: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, proposalSchema, locals.locale);
		if (!form.ok) return form.failure;
		const proposed = await workshops.proposeTopic(actor, { workshopId: params.id, ...form.data });
		if (!proposed.ok)
			return respond.formFailure(proposed.failure, form.raw, locals.locale, 'title');
		return { proposed: true };
	},
	state: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, workshopStateSchema, locals.locale);
		if (!form.ok) return form.failure;
		const changed = await workshops.changeWorkshopState(actor, { id: params.id, ...form.data });
		if (!changed.ok) return respond.formFailure(changed.failure, form.raw, locals.locale, 'to');
		return { changed: changed.value.state };
	},
	saveNote: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, noteSaveSchema, locals.locale);
		if (!form.ok) return form.failure;
		const saved = await workshops.saveNote(actor, { workshopId: params.id, ...form.data });
		if (!saved.ok) return respond.formFailure(saved.failure, form.raw, locals.locale, 'source');
		// Nothing was stored: both texts go back to be merged by hand.
		if (saved.value.status === 'stale') return fail(409, { staleNote: saved.value });
		return { savedNote: saved.value.note };
	},
	noteTaker: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, noteTakerSchema, locals.locale);
		if (!form.ok) return form.failure;
		respond.unwrap(await workshops.setNoteTaker(actor, { workshopId: params.id, ...form.data }));
		return { noteTakerChanged: true };
	},
	reopenNotes: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, notesReopenSchema, locals.locale);
		if (!form.ok) return form.failure;
		respond.unwrap(
			await workshops.setNotesReopened(actor, { workshopId: params.id, ...form.data })
		);
		return { notesReopened: form.data.reopen };
	},
	live: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, liveMoveSchema, locals.locale);
		if (!form.ok) return form.failure;
		return {
			live: respond.unwrap(
				await workshops.moveLiveItem(actor, { workshopId: params.id, ...form.data })
			)
		};
	},
	checkIn: async ({ locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		respond.unwrap(await workshops.checkIn(actor, { workshopId: params.id }));
		return { checkedIn: true };
	},
	attendance: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, attendanceSchema, locals.locale);
		if (!form.ok) return form.failure;
		respond.unwrap(
			await workshops.correctAttendance(actor, { workshopId: params.id, ...form.data })
		);
		return { attendanceChanged: true };
	},
	addOutcome: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, outcomeFormSchema, locals.locale);
		if (!form.ok) return form.failure;
		const added = await workshops.addOutcome(actor, { workshopId: params.id, ...form.data });
		if (!added.ok) return respond.formFailure(added.failure, form.raw, locals.locale, 'text');
		return { outcomeAdded: added.value.id };
	},
	removeOutcome: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, outcomeRefSchema, locals.locale);
		if (!form.ok) return form.failure;
		respond.unwrap(await workshops.removeOutcome(actor, { workshopId: params.id, ...form.data }));
		return { outcomeRemoved: true };
	}
} satisfies Actions;

/** A guest invited by name and address: the tandem supervisor or an observer (GuestInvite). */
async function inviteGuest(
	{ request, locals, url, params }: RequestEvent,
	guestForm: 'inviteSupervisor' | 'inviteObserver'
) {
	const actor = auth.requireMember(locals, url);
	const form = await parseForm(request, guestInviteSchema, locals.locale);
	if (!form.ok) return form.failure;
	const input = { workshopId: params.id, origin: url.origin, ...form.data };
	const invited = await workshops[guestForm](actor, input);
	if (!invited.ok) return respond.formFailure(invited.failure, form.raw, locals.locale, 'email');
	return { invited: invited.value.status, guestForm };
}
