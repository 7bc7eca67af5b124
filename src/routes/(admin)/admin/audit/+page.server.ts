import { cursorParam } from '$lib/paging';
import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'audit:view');
	return { log: await audit.auditLogPage(member, cursorParam(url)) };
};
