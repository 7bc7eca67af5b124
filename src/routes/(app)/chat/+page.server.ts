import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as chat from '$lib/server/chat';
import type { PageServerLoad } from './$types';

/** /chat opens the first channel with unread messages, else the first channel. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const member = auth.requireMember(locals, url);
	const channels = await chat.listChannels(member);
	const target = channels.find((c) => c.unread > 0) ?? channels[0];
	if (target) redirect(303, `/chat/${target.slug}`);
	return { channels };
};
