import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'audit:view');
	const page = await audit.listAuditEntries(cursorParam(url));
	return { entries: page.items, nextCursor: page.nextCursor };
};
