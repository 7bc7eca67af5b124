import { error } from '@sveltejs/kit';
import { adminMemberQuerySchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as members from '$lib/server/members';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requirePermission(locals, url, 'member:manage');
	const parsed = adminMemberQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, { message: 'invalid' });
	const page = respond.unwrap(await members.listMembersForAdmin(actor, parsed.data));
	return {
		filter: { q: parsed.data.q ?? '', role: parsed.data.role ?? '' },
		members: page.items,
		nextCursor: page.nextCursor
	};
};
