import { fail } from '@sveltejs/kit';
import * as workshops from '$lib/server/workshops';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows what it would answer: mail scanners that follow links must not
// answer for the person. Nobody is signed in by it.
export const load: PageServerLoad = async ({ params, locals }) => {
	const reviewed = await workshops.reviewRsvpLink(params.token, locals.locale);
	return { link: reviewed.ok ? reviewed.value : null };
};

export const actions = {
	default: async ({ params, locals }) => {
		const answered = await workshops.answerByRsvpLink(params.token, locals.locale);
		if (!answered.ok) return fail(410, { invalid: true });
		return { answered: answered.value };
	}
} satisfies Actions;
