import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return {
		workshopId: params.id,
		history: respond.unwrap(
			await workshops.getNoteHistory(actor, {
				workshopId: params.id,
				itemId: params.itemId,
				locale: locals.locale
			})
		)
	};
};
