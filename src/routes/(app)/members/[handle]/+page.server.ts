import * as auth from '$lib/server/auth';
import * as members from '$lib/server/members';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const viewer = auth.requirePermission(locals, url, 'profile:view');
	const profile = respond.unwrap(
		await members.getProfileByHandle(viewer, { handle: params.handle })
	);
	return { profile, own: profile.id === viewer.id };
};
