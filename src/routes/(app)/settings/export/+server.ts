import * as auth from '$lib/server/auth';
import { downloadResponse } from '$lib/server/http';
import * as members from '$lib/server/members';
import type { RequestHandler } from './$types';

/** GDPR data export: the member's own data as a JSON download. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'settings:use');
	const data = await members.exportMemberData(member.id);
	return downloadResponse({
		filename: 'netzwerk-daten.json',
		contentType: 'application/json; charset=utf-8',
		body: JSON.stringify(data, null, 2)
	});
};
