import * as auth from '$lib/server/auth';
import type { LayoutServerLoad } from './$types';

// Everything in (app) is for signed-in people only; pages still check their own permissions.
export const load: LayoutServerLoad = ({ locals, url }) => {
	auth.requireMember(locals, url);
};
