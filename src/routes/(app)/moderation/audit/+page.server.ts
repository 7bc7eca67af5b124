import { requirePermission } from '$lib/server/auth/guards';
import * as audit from '$lib/server/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'audit:view');
	const cursor = url.searchParams.get('cursor');
	return { entries: await audit.listAuditEntries(cursor, 50) };
};
