import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	return { history: respond.unwrap(await forum.postHistory(member, { postId: params.id })) };
};
