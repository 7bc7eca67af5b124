import { downloadResponse } from '$lib/server/http';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/**
 * The personal calendar feed. Calendar apps send no cookie, so this lives outside the
 * signed-in (app) group and the token in the path is the only key.
 */
export const GET: RequestHandler = async ({ url, params }) => {
	const file = respond.unwrap(await workshops.feedCalendar(params.token, url.origin));
	// Calendar apps poll the feed: they may keep it but must ask again each time.
	return downloadResponse(file, { inline: true, cacheControl: 'private, no-cache' });
};
