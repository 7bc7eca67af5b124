import { searchQuery } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const parsed = searchQuery.safeParse(Object.fromEntries(url.searchParams));
	const q = parsed.success ? parsed.data.q : '';
	if (!parsed.success || q === '') return { q, result: null };
	return { q, result: await forum.search(member, { q, cursor: parsed.data.cursor }) };
};
