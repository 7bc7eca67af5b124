import type { Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '$lib/realtime/events';
import { threadRoomSchema } from '$lib/schemas/forum';
import type { IO } from '../realtime/io';
import { loadReadableThread } from './access';
import { threadRoom } from './live';

type AppSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;

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
		const parsed = threadRoomSchema.safeParse(payload);
		if (!parsed.success) return reply({ ok: false, error: 'invalid', code: 'invalid' });
		try {
			const { thread } = await loadReadableThread(actor(), parsed.data.threadId);
			await socket.join(threadRoom(parsed.data.threadId));
			reply({ ok: true, data: { lastNumber: thread.lastNumber } });
		} catch {
			reply({ ok: false, error: 'not_found', code: 'not_found' });
		}
	});

	socket.on('thread:leave', (payload) => {
		const parsed = threadRoomSchema.safeParse(payload);
		if (parsed.success) void socket.leave(threadRoom(parsed.data.threadId));
	});
}
