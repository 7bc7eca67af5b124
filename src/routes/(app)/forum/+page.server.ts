import { can } from '$lib/server/auth/permissions';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const [categories, recent] = await Promise.all([
		forum.listCategories(member),
		forum.recentThreads(member)
	]);
	return { categories, recent, canModerate: can(member, 'moderation:view') };
};
