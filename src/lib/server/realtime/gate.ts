import type { Socket } from 'socket.io';
import type { Ack, ClientToServerEvents } from '$lib/realtime/events';
import { messages } from '$lib/i18n';
import * as limits from '../limits';
import type { AppSocket } from './io';

type Event = Parameters<Parameters<Socket['use']>[0]>[0];

/**
 * The rate limit every client event counts against (per member, see limits.ts). Reads are
 * cheaper than writes, so they have the larger budget. Unknown events count as reads.
 */
const eventLimits: Record<keyof ClientToServerEvents, limits.LimitName> = {
	'channel:join': 'socketRead',
	'channel:leave': 'socketRead',
	'channel:watch': 'socketRead',
	'channel:read': 'socketRead',
	'message:history': 'socketRead',
	'thread:join': 'socketRead',
	'thread:leave': 'socketRead',
	'workshop:join': 'socketRead',
	'workshop:leave': 'socketRead',
	'message:send': 'chatSend',
	'message:edit': 'chatChange',
	'message:delete': 'chatChange',
	'message:react': 'chatChange',
	'typing:start': 'typing',
	'typing:stop': 'typing'
};
const limitOf = (event: string) =>
	eventLimits[event as keyof ClientToServerEvents] ?? ('socketRead' as const);

function refusal(socket: AppSocket, limit: limits.LimitName): Ack<never> {
	const texts = messages(socket.data.locale).chat.errors;
	const read = limit === 'socketRead';
	return { ok: false, code: 'rate_limited', error: read ? texts.readLimited : texts.rate_limited };
}

/**
 * Socket middleware in front of every event: counts it against its limit and answers a refused
 * one with `rate_limited` at once (typing signals are dropped silently), before any database
 * work. That a burst from one socket cannot hold up everyone else is the WebSocket server's
 * part (server/socket-server.js: one message per socket per turn of the event loop).
 */
export function eventGate(socket: AppSocket) {
	return async (event: Event, next: (err?: Error) => void) => {
		const limit = limitOf(String(event[0]));
		if (await limits.take(limit, socket.data.memberId)) return next();
		const ack = event.at(-1);
		if (typeof ack === 'function') ack(refusal(socket, limit));
	};
}
