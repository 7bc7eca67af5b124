import * as cohorts from '$lib/server/cohorts';
import * as members from '$lib/server/members';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.member) return { overview: null };
	const [cohortList, counts, memberCount] = await Promise.all([
		cohorts.listCohorts(),
		cohorts.countMembersByCohort(),
		members.countMembers()
	]);
	return {
		overview: {
			memberCount,
			cohorts: cohortList.map((c) => ({ ...c, memberCount: counts.get(c.id) ?? 0 }))
		}
	};
};
