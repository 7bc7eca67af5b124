import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '$lib/realtime/events';
import { threadRoomSchema } from '$lib/schemas/forum';
import type { IO } from '../realtime/io';
import { RateLimiter } from '../realtime/rate-limit';
import { refusedAck } from '../respond';
import { refused, settle } from '../result';
import { loadReadableThread } from './access';
import { threadRoom } from './live';

type AppSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;

const joins = new RateLimiter(30, 5);

/**
 * Live thread rooms. Joining asks the same read rule as the page (on every join, with the
 * member's roles from the session); an unknown or forbidden thread answers 'not_found' alike.
 * The server only emits into the room after database writes, so the client never sends posts.
 */
export function forumHandlers(_io: IO, socket: AppSocket): void {
	const actor = () => ({
		id: socket.data.memberId,
		roles: socket.data.roles,
		cohortIds: socket.data.cohortIds
	});

	socket.on('thread:join', async (payload, ack) => {
		// A client may omit the callback; the answer then goes nowhere.
		const reply: typeof ack = typeof ack === 'function' ? ack : () => undefined;
		const refuse = ({ failure }: ReturnType<typeof refused>) =>
			reply(refusedAck(failure, socket.data.locale));
		if (!joins.take(socket.id)) return refuse(refused('rate_limited'));
		const parsed = threadRoomSchema.safeParse(payload);
		if (!parsed.success) return refuse(refused('invalid'));
		const readable = await settle(() => loadReadableThread(actor(), parsed.data.threadId));
		if (!readable.ok) return refuse(readable);
		await socket.join(threadRoom(parsed.data.threadId));
		reply({ ok: true, data: { lastNumber: readable.value.thread.lastNumber } });
	});

	socket.on('thread:leave', (payload) => {
		const parsed = threadRoomSchema.safeParse(payload);
		if (parsed.success) void socket.leave(threadRoom(parsed.data.threadId));
	});
}
