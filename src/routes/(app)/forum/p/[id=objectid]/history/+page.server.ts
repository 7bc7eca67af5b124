import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	try {
		return { history: await forum.postHistory(member, params.id) };
	} catch (err) {
		forum.rethrow(err);
	}
};
