import * as cohorts from '$lib/server/cohorts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.member) return { overview: null };
	return { overview: await cohorts.networkOverview() };
};
