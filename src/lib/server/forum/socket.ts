import { threadRoomSchema } from '$lib/schemas/forum';
import type { AppSocket, IO } from '../realtime/io';
import { refusedAck } from '../respond';
import { refused, settle } from '../result';
import { loadReadableThread } from './access';
import { threadRoom } from './live';

const actorOf = (socket: AppSocket) => ({
	id: socket.data.memberId,
	roles: socket.data.roles,
	cohortIds: socket.data.cohortIds
});

/**
 * Live thread rooms. Joining asks the same read rule as the page (on every join, with the
 * member's roles from the session); an unknown or forbidden thread answers 'not_found' alike.
 * The server only emits into the room after database writes, so the client never sends posts.
 */
export function forumHandlers(_io: IO, socket: AppSocket): void {
	const actor = () => actorOf(socket);

	socket.on('thread:join', async (payload, ack) => {
		// A client may omit the callback; the answer then goes nowhere.
		const reply: typeof ack = typeof ack === 'function' ? ack : () => undefined;
		const refuse = ({ failure }: ReturnType<typeof refused>) =>
			reply(refusedAck(failure, socket.data.locale));
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

const threadPrefix = threadRoom('');

/** After a rights change (realtime/rights.ts): leaves thread rooms the member may no longer read. */
export async function refreshThreadRooms(socket: AppSocket): Promise<void> {
	for (const name of [...socket.rooms]) {
		if (!name.startsWith(threadPrefix)) continue;
		const readable = await loadReadableThread(
			actorOf(socket),
			name.slice(threadPrefix.length)
		).then(
			() => true,
			() => false
		);
		if (!readable) await socket.leave(name);
	}
}
