import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requireMember(locals, url);
	const page = respond.unwrap(await audit.listAuditEntries(actor, { cursor: cursorParam(url) }));
	return { entries: page.items, nextCursor: page.nextCursor };
};
