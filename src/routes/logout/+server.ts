import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import type { RequestHandler } from './$types';

// POST only: a GET link could log people out from a foreign page (Kit checks the origin of POSTs).
export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.session) await auth.invalidateSession(locals.session.id);
	auth.deleteSessionCookie(cookies, url);
	redirect(303, '/login');
};
