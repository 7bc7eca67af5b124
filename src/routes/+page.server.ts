import * as auth from '$lib/server/auth';
import * as chat from '$lib/server/chat';
import * as cohorts from '$lib/server/cohorts';
import * as forum from '$lib/server/forum';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

/**
 * Visitors see the welcome text; members their dashboard: the next workshop, new threads,
 * unread channels, cohorts. Guests (supervisors, observers) see their workshops first and no
 * statistics of the network they are not part of.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const member = locals.member;
	if (!member) return { dashboard: null };
	const networkMember = auth.isNetworkMember(member);
	const [overview, recentThreads, channels, workshopsPart] = await Promise.all([
		networkMember ? cohorts.networkOverview() : null,
		forum.recentThreads(member, 6),
		chat.listChannels(member),
		workshops.workshopDashboard(member)
	]);
	return {
		dashboard: {
			overview,
			recentThreads,
			channels: channels.map((c) => ({ id: c.id, name: c.name, slug: c.slug, unread: c.unread })),
			workshops: workshopsPart
		}
	};
};
