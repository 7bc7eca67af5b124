import { error } from '@sveltejs/kit';
import { registerFilterSchema } from '$lib/schemas/needs';
import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';
import { needStatusAction } from './status-action.server';

/** The needs register: every card of every workshop the member may see, filtered by the query. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requireMember(locals, url);
	const filter = registerFilterSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!filter.success) error(400, { message: 'invalid', code: 'invalid' });
	return {
		filter: filter.data,
		register: respond.unwrap(await workshops.listRegister(actor, filter.data))
	};
};

export const actions = {
	status: needStatusAction
} satisfies Actions;
