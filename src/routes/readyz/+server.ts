import { json } from '@sveltejs/kit';
import * as db from '$lib/server/db';
import type { RequestHandler } from './$types';

/** Readiness: 200 when the database answers a ping, 503 with the reason otherwise. */
export const GET: RequestHandler = async () => {
	const problem = await db.checkDatabase();
	return json(problem ? { status: 'unavailable', reason: problem } : { status: 'ready' }, {
		status: problem ? 503 : 200,
		headers: { 'cache-control': 'no-store' }
	});
};
