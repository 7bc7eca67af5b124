import * as chat from '$lib/server/chat';
import * as cohorts from '$lib/server/cohorts';
import * as forum from '$lib/server/forum';
import type { PageServerLoad } from './$types';

/** Visitors see the welcome text; members their dashboard: new threads, unread channels, cohorts. */
export const load: PageServerLoad = async ({ locals }) => {
	const member = locals.member;
	if (!member) return { dashboard: null };
	const [overview, recentThreads, channels] = await Promise.all([
		cohorts.networkOverview(),
		forum.recentThreads(member, 6),
		chat.listChannels(member)
	]);
	return {
		dashboard: {
			overview,
			recentThreads,
			channels: channels.map((c) => ({ id: c.id, name: c.name, slug: c.slug, unread: c.unread }))
		}
	};
};
