import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as members from '$lib/server/members';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const viewer = auth.requirePermission(locals, url, 'profile:view');
	const profile = await members.getProfileByHandle(params.handle);
	if (!profile) error(404, { message: 'not_found', code: 'not_found' });
	return { profile, own: profile.id === viewer.id };
};
