import { error } from '@sveltejs/kit';
import contentDisposition from 'content-disposition';
import * as respond from '$lib/server/respond';
import * as uploads from '$lib/server/uploads';
import type { RequestHandler } from './$types';

/**
 * A stored file, after the permission check of what it belongs to (a workshop's roster, the
 * forum's readers); every other id answers 404. Pictures show inline, everything else downloads.
 * `no-cache` with the id as ETag: the browser may keep a copy but asks every time, so a member
 * who lost access stops getting the file, and one who keeps it gets a bodiless 304.
 */
export const GET: RequestHandler = async ({ params, locals, request }) => {
	if (!locals.member) error(401, { message: 'unauthorized', code: 'unauthorized' });
	const etag = `"${params.id}"`;
	const held = request.headers.get('if-none-match') === etag;
	const file = respond.unwrap(await uploads.openDownload(locals.member, params.id, !held));
	const caching = { etag, 'cache-control': 'private, no-cache' };
	if (held) return new Response(null, { status: 304, headers: caching });
	return new Response(file.body, {
		headers: {
			...caching,
			'content-type': file.type,
			'content-length': String(file.size),
			// ASCII fallback for old clients; filename* carries the real name in UTF-8.
			'content-disposition': contentDisposition(file.name, {
				type: file.inline ? 'inline' : 'attachment',
				fallback: file.name.replace(/[^\x20-\x7e]/g, '_')
			}),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cross-origin-resource-policy': 'same-origin'
		}
	});
};
