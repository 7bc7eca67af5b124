import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

/** The survey's results, for organisers. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	return {
		results: respond.unwrap(await workshops.getSurveyResults(actor, params.id, locals.locale))
	};
};
