import { error } from '@sveltejs/kit';
import { threadListQuery } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const query = threadListQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(400, { message: 'invalid' });
	const { category, threads, tags } = respond.unwrap(
		await forum.categoryPage(member, { slug: params.slug, ...query.data })
	);
	return { category, page: threads, tags, tag: query.data.tag ?? null };
};
