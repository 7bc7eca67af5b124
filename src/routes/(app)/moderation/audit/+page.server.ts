import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// The moderation area shows the whole log; an organiser's own entries are in the admin area.
	const actor = auth.requirePermission(locals, url, 'audit:view');
	return { log: respond.unwrap(await audit.auditLogPage(actor, cursorParam(url))) };
};
