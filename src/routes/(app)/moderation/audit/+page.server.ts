import { requireMember } from '$lib/server/auth/guards';
import * as audit from '$lib/server/audit';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireMember(locals, url);
	const cursor = url.searchParams.get('cursor');
	return { entries: respond.unwrap(await audit.listAuditEntries(actor, { cursor })) };
};
