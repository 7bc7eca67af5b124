import { requireMember } from '$lib/server/auth/guards';
import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireMember(locals, url);
	return {
		entries: respond.unwrap(await audit.listAuditEntries(actor, { cursor: cursorParam(url) }))
	};
};
