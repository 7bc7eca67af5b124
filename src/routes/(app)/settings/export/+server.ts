import * as auth from '$lib/server/auth';
import * as members from '$lib/server/members';
import type { RequestHandler } from './$types';

/** GDPR data export: the member's own data as a JSON download. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'settings:use');
	const data = await members.exportMemberData(member.id);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="netzwerk-daten.json"',
			'cache-control': 'no-store'
		}
	});
};
