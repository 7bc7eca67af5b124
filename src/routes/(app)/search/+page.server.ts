import { searchParams } from '$lib/schemas/search';
import { requireMember } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import * as search from '$lib/server/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requireMember(locals, url);
	const parsed = searchParams.safeParse(Object.fromEntries(url.searchParams));
	const params = parsed.success ? parsed.data : { q: '' };
	const [categories, result] = await Promise.all([
		forum.listCategories(member),
		params.q === '' ? null : search.search(member, params)
	]);
	return { params, categories: categories.map((c) => ({ id: c.id, name: c.name })), result };
};
