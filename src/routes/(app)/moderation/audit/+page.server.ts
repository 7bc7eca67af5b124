import { requirePermission } from '$lib/server/auth/guards';
import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'audit:view');
	return { entries: await audit.listAuditEntries(cursorParam(url), 50) };
};
