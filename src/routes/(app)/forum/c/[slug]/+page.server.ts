import { error } from '@sveltejs/kit';
import { threadListQuery } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const query = threadListQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(400, { message: 'invalid' });
	try {
		const category = await forum.categoryBySlug(member, params.slug);
		const [page, tags] = await Promise.all([
			forum.listThreads(member, category, query.data),
			forum.listTags()
		]);
		return {
			category: forum.toCategoryDto(member, category),
			page,
			tags,
			tag: query.data.tag ?? null
		};
	} catch (err) {
		forum.rethrow(err);
	}
};
