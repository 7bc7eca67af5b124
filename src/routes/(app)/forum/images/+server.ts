import { error, json } from '@sveltejs/kit';
import * as forum from '$lib/server/forum';
import * as respond from '$lib/server/respond';
import type { RequestHandler } from './$types';

/**
 * Pictures for posts: a multipart form with one `file`, streamed into the upload service (this
 * route may take large bodies, see uploads/body-limit.ts). Answers the `/uploads/<id>` address
 * and the Markdown to insert; a refusal answers its localised reason.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.member) error(401, { message: 'unauthorized', code: 'unauthorized' });
	const stored = await forum.uploadPostImage(locals.member, request);
	if (!stored.ok) return respond.jsonFailure(stored.failure, locals.locale);
	return json(stored.value, { status: 201 });
};
