import { json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as cache from '$lib/server/cache';
import type { RequestHandler } from './$types';

/** Hit rates and sizes of the read caches, for admins (the layout guard does not cover endpoints). */
export const GET: RequestHandler = ({ locals, url }) => {
	auth.requirePermission(locals, url, 'admin:view');
	return json({ caches: cache.cacheStats() }, { headers: { 'cache-control': 'no-store' } });
};
