import { error } from '@sveltejs/kit';
import * as members from '$lib/server/members';
import type { RequestHandler } from './$types';

/**
 * Profile pictures, for signed-in members only (profiles are not public). The URL carries the
 * avatar version, so the browser may keep a picture for a long time: a new upload changes the URL.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.member) error(401, { message: 'unauthorized', code: 'unauthorized' });
	const avatar = await members.getAvatar(params.id);
	if (!avatar) error(404, { message: 'not_found', code: 'not_found' });
	return new Response(new Uint8Array(avatar.data), {
		headers: {
			'content-type': avatar.contentType,
			'cache-control': 'private, max-age=31536000, immutable',
			'content-length': String(avatar.data.byteLength)
		}
	});
};
