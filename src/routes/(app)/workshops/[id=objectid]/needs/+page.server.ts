import { dotSchema, voteOpenSchema } from '$lib/schemas/needs';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';
import { needStatusAction } from '../../../needs/status-action.server';

/** The workshop's need cards and its dot vote (no totals while the vote is open). */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return { page: respond.unwrap(await workshops.getNeedsPage(actor, params.id)) };
};

export const actions = {
	dot: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, dotSchema, locals.locale);
		if (!form.ok) return form.failure;
		const cast = await workshops.castDot(actor, { workshopId: params.id, ...form.data });
		if (!cast.ok) return respond.formFailure(cast.failure, form.raw, locals.locale, 'dot');
		// The voter's own counts only: no total leaves the server while the vote is open.
		return { dot: cast.value };
	},
	openVote: async ({ request, locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const form = await parseForm(request, voteOpenSchema, locals.locale);
		if (!form.ok) return form.failure;
		const opened = await workshops.openVote(actor, { workshopId: params.id, ...form.data });
		if (!opened.ok) return respond.formFailure(opened.failure, form.raw, locals.locale, 'vote');
		return { voteOpened: true };
	},
	closeVote: async ({ locals, url, params }) => {
		const actor = auth.requireMember(locals, url);
		const closed = await workshops.closeVote(actor, { workshopId: params.id });
		if (!closed.ok) return respond.formFailure(closed.failure, {}, locals.locale, 'vote');
		return { voteClosed: true };
	},
	status: needStatusAction
} satisfies Actions;
