import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as chat from '$lib/server/chat';
import { parseForm } from '$lib/server/forms';
import * as limits from '$lib/server/limits';
import * as respond from '$lib/server/respond';
import { refused, settle } from '$lib/server/result';
import { sendForm } from '$lib/schemas/chat';
import type { Actions, PageServerLoad } from './$types';

async function readableChannel(locals: App.Locals, url: URL, slug: string) {
	const member = auth.requireMember(locals, url);
	const channel = await chat.findReadableChannelBySlug(member, slug);
	// Unknown and forbidden look the same: no existence leak.
	if (!channel) error(404, 'not_found');
	return { member, channel };
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const { member, channel } = await readableChannel(locals, url, params.channel);
	const [page, channels, lastReadSeq, members, handle] = await Promise.all([
		chat.history(member, { channelId: channel.id, limit: 50 }),
		chat.listChannels(member),
		chat.lastReadSeq(member, channel.id),
		chat.listChannelMembers(channel),
		chat.ownHandle(member)
	]);
	return {
		channel,
		channels,
		messages: page.messages,
		lastReadSeq,
		members,
		me: { id: member.id, name: member.displayName, handle },
		// A fresh idempotency key for the form without JavaScript (a resubmit stores nothing new).
		clientId: crypto.randomUUID()
	};
};

export const actions = {
	/** Sending without JavaScript: the same service and broadcast as the socket event. */
	send: async ({ locals, url, params, request }) => {
		const { member, channel } = await readableChannel(locals, url, params.channel);
		const parsed = await parseForm(request, sendForm, locals.locale);
		if (!parsed.ok) return parsed.failure;
		// The same flood limit as the socket's message:send (realtime/gate.ts).
		const sent = (await limits.take('chatSend', member.id))
			? await settle(() => chat.postMessage(member, { ...parsed.data, channelId: channel.id }))
			: refused('rate_limited', 'chat.errors.rate_limited');
		if (!sent.ok) return respond.formFailure(sent.failure, parsed.raw, locals.locale, 'body');
		redirect(303, `/chat/${channel.slug}`);
	}
} satisfies Actions;
