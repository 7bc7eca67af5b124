import * as audit from '$lib/server/audit';
import * as auth from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'audit:view');
	const cursor = url.searchParams.get('cursor');
	const page = await audit.listAuditEntries(
		cursor && /^[a-f0-9]{24}$/.test(cursor) ? cursor : null
	);
	return { entries: page.items, nextCursor: page.nextCursor };
};
