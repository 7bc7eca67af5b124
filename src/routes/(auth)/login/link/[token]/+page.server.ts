import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that follow links must not use it up.
export const load: PageServerLoad = async ({ params }) => ({
	valid: await auth.isSignInLinkValid(params.token)
});

export const actions = {
	default: async (event) => {
		const memberId = await auth.redeemSignInLink(event.params.token);
		if (!memberId) return fail(410, { invalid: true });
		await auth.signIn(event, memberId);
		redirect(303, '/');
	}
} satisfies Actions;
