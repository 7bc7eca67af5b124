import * as auth from '$lib/server/auth';
import { downloadResponse } from '$lib/server/http';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** One workshop as a calendar file, for those who may see it (others get the 404 page). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const file = respond.unwrap(
		await workshops.workshopCalendar(actor, params.id, {
			origin: url.origin,
			locale: locals.locale
		})
	);
	return downloadResponse(file);
};
