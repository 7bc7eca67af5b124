import { json } from '@sveltejs/kit';
import * as health from '$lib/server/health';
import type { RequestHandler } from './$types';

/** Readiness: 200 when the database answers a ping, 503 with the reason otherwise. */
export const GET: RequestHandler = async () => {
	const problem = await health.readinessProblem();
	return json(problem ? { status: 'unavailable', reason: problem } : { status: 'ready' }, {
		status: problem ? 503 : 200,
		headers: { 'cache-control': 'no-store' }
	});
};
