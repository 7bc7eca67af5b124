import type { z } from 'zod';
import type {
	Ack,
	AckErrorCode,
	ChatMessageDto,
	ChatPresence,
	SocketData
} from '$lib/realtime/events';
import * as schemas from '$lib/schemas/chat';
import { messages } from '$lib/i18n';
import type { Actor } from '../auth/permissions';
import type { AppSocket, IO } from '../realtime/io';
import { errorFields, log } from '../log';
import * as chat from './index';

const room = chat.channelRoom;
const channelPrefix = room('');
const watchPrefix = chat.watchRoom('');

function actorOf(data: SocketData): Actor & { displayName: string } {
	return {
		id: data.memberId,
		roles: data.roles,
		cohortIds: data.cohortIds,
		displayName: data.displayName
	};
}

function refusal(data: SocketData, code: AckErrorCode, reason: string): Ack<never> {
	const texts = messages(data.locale).chat.errors as Record<string, string>;
	return { ok: false, code, error: texts[reason] ?? texts[code] ?? texts.unexpected! };
}

/**
 * Runs one acknowledged event (its rate limit was counted before, in realtime/gate.ts):
 * validates the payload with the schema, runs the action and answers with its result or a
 * localised error. A missing or non-function ack is tolerated (the event is then ignored) so
 * malformed clients cannot crash the handler.
 */
function handle<S extends z.ZodType, T>(
	socket: AppSocket,
	schema: S,
	action: (input: z.output<S>) => Promise<T>
) {
	return async (payload: unknown, ack: unknown) => {
		if (typeof ack !== 'function') return;
		const reply = ack as (answer: Ack<T>) => void;
		const parsed = schema.safeParse(payload);
		if (!parsed.success) {
			const key = parsed.error.issues[0]?.message;
			return reply(refusal(socket.data, 'invalid', key === 'tooLong' ? 'tooLong' : 'invalid'));
		}
		try {
			reply({ ok: true, data: await action(parsed.data) });
		} catch (err) {
			const { code, reason } = chat.errorCode(err);
			if (reason === 'unexpected') log.error('Chat event failed', errorFields(err));
			reply(refusal(socket.data, code, reason));
		}
	};
}

/** Presence of a channel across all instances (the adapter asks the others), capped. */
async function presenceOf(io: IO, channelId: string): Promise<ChatPresence> {
	const sockets = await io.in(room(channelId)).fetchSockets();
	const members = new Map<string, string>();
	for (const s of sockets) {
		if (members.size >= 200) break;
		members.set(s.data.memberId, s.data.displayName);
	}
	return { channelId, members: [...members].map(([id, name]) => ({ id, name })) };
}

/**
 * Presence changes are broadcast at most every 2 s per channel (trailing): a thousand members
 * joining at once cost a handful of broadcasts, not a thousand.
 */
const presenceTimers = new Map<string, NodeJS.Timeout>();
function schedulePresence(io: IO, channelId: string) {
	if (presenceTimers.has(channelId)) return;
	presenceTimers.set(
		channelId,
		setTimeout(() => {
			presenceTimers.delete(channelId);
			presenceOf(io, channelId)
				.then((p) => io.to(room(channelId)).emit('presence:update', p))
				.catch((err: unknown) => log.warn('Presence update failed', errorFields(err)));
		}, 2000)
	);
}

const mayRead = (actor: Actor, channelId: string) =>
	chat.requireChannel(actor, channelId).then(
		() => true,
		() => false
	);

/**
 * The chat's socket events. Permission is checked on every event, not only on join, with the
 * member's rights as they are now (socket.data follows every change, see realtime/rights.ts).
 */
export function chatHandler(io: IO, socket: AppSocket): void {
	const actor = () => actorOf(socket.data);

	socket.on(
		'channel:join',
		handle(socket, schemas.channelRef, async ({ channelId }) => {
			await chat.requireChannel(actor(), channelId);
			await socket.join(room(channelId));
			schedulePresence(io, channelId);
			// The client fetches what it misses with message:history (afterSeq) right after.
			return { presence: await presenceOf(io, channelId) };
		})
	);

	socket.on(
		'channel:leave',
		handle(socket, schemas.channelRef, async ({ channelId }) => {
			await socket.leave(room(channelId));
			schedulePresence(io, channelId);
			return null;
		})
	);

	socket.on(
		'channel:watch',
		handle(socket, schemas.watchChannels, async ({ channelIds }) => {
			// Only readable channels; the others are silently left out (no existence leak).
			const allowed: string[] = [];
			for (const id of new Set(channelIds)) if (await mayRead(actor(), id)) allowed.push(id);
			for (const r of socket.rooms) if (r.startsWith(watchPrefix)) await socket.leave(r);
			await socket.join(allowed.map(chat.watchRoom));
			return { channelIds: allowed };
		})
	);

	socket.on(
		'channel:read',
		handle(socket, schemas.markRead, async ({ channelId, seq }) => ({
			lastReadSeq: await chat.markRead(actor(), channelId, seq)
		}))
	);

	socket.on(
		'message:send',
		handle(socket, schemas.sendMessage, async (input) => {
			// Stored first, then broadcast; a retried clientId was broadcast the first time.
			return (await chat.postMessage(actor(), input)).message;
		})
	);

	socket.on(
		'message:history',
		handle(socket, schemas.historyRequest, (input) => chat.history(actor(), input))
	);

	// Edits, deletions and reactions: stored first, then the message as it is now goes to the room.
	const thenBroadcast =
		<I>(change: (actor: Actor, input: I) => Promise<ChatMessageDto>) =>
		async (input: I) => {
			const message = await change(actor(), input);
			chat.broadcastUpdate(message);
			return message;
		};
	socket.on('message:edit', handle(socket, schemas.editMessage, thenBroadcast(chat.editMessage)));
	socket.on(
		'message:delete',
		handle(socket, schemas.deleteMessage, thenBroadcast(chat.deleteMessage))
	);
	socket.on(
		'message:react',
		handle(socket, schemas.reactToMessage, thenBroadcast(chat.reactToMessage))
	);

	const typing = (state: boolean) => async (payload: unknown) => {
		const parsed = schemas.channelRef.safeParse(payload);
		if (!parsed.success) return;
		const { channelId } = parsed.data;
		const me = actor();
		try {
			await chat.requireChannel(me, channelId, 'channel:write');
		} catch {
			return; // ephemeral: a refused typing signal is simply dropped
		}
		socket.to(room(channelId)).emit('typing:update', {
			channelId,
			memberId: me.id,
			name: me.displayName,
			typing: state
		});
	};
	socket.on('typing:start', typing(true));
	socket.on('typing:stop', typing(false));

	socket.on('disconnecting', () => {
		for (const r of socket.rooms)
			if (r.startsWith(channelPrefix)) schedulePresence(io, r.slice(channelPrefix.length));
	});
}

/**
 * After a rights change (realtime/rights.ts): leaves channel rooms the member may no longer
 * read, so their broadcasts stop at once; a tab that follows channel activity for unread
 * badges now also follows the channels the member may newly read.
 */
export async function refreshChatRooms(socket: AppSocket): Promise<void> {
	const actor = actorOf(socket.data);
	let watching = false;
	for (const name of [...socket.rooms]) {
		const watched = name.startsWith(watchPrefix);
		if (!watched && !name.startsWith(channelPrefix)) continue;
		watching ||= watched;
		const channelId = name.slice((watched ? watchPrefix : channelPrefix).length);
		if (await mayRead(actor, channelId)) continue;
		await socket.leave(name);
		if (!watched) schedulePresence(socket.nsp.server, channelId);
	}
	if (watching)
		await socket.join((await chat.listChannels(actor)).map((c) => chat.watchRoom(c.id)));
}
