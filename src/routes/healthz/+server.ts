import { json } from '@sveltejs/kit';
import * as health from '$lib/server/health';
import type { RequestHandler } from './$types';

/**
 * Liveness: the process answers. A database that is briefly away shows on /readyz only; 503
 * here means the embedded database could not be restarted in time: restart the app.
 */
export const GET: RequestHandler = () => {
	const problem = health.livenessProblem();
	return json(problem ? { status: 'failing', reason: problem } : { status: 'ok' }, {
		status: problem ? 503 : 200,
		headers: { 'cache-control': 'no-store' }
	});
};
