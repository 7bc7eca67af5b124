import type { ForumPostDto, ForumThreadStateDto } from '$lib/realtime/events';
import { can } from '../auth/permissions';
import { getIO } from '../realtime/io';
import type { CategoryLean, ThreadLean } from './access';

export const threadRoom = (threadId: string) => `thread:${threadId}`;

/** Called after the database write, so a live reader never sees what was not stored. */
export function emitPost(event: 'post:new' | 'post:updated', post: ForumPostDto): void {
	getIO()?.to(threadRoom(post.threadId)).emit(event, post);
}

export function threadState(thread: ThreadLean): ForumThreadStateDto {
	return {
		id: thread._id.toString(),
		title: thread.title,
		categoryId: thread.categoryId.toString(),
		pinned: thread.pinned,
		locked: thread.locked,
		lastNumber: thread.lastNumber
	};
}

export function emitThread(thread: ThreadLean): void {
	getIO()?.to(threadRoom(thread._id.toString())).emit('thread:updated', threadState(thread));
}

/** After a move: sockets of members who may not read the new category leave the room. */
export async function evictNonReaders(threadId: string, category: CategoryLean): Promise<void> {
	const io = getIO();
	if (!io) return;
	const sockets = await io.in(threadRoom(threadId)).fetchSockets();
	for (const socket of sockets) {
		const actor = {
			id: socket.data.memberId,
			roles: socket.data.roles,
			cohortIds: socket.data.cohortIds
		};
		if (!can(actor, 'forum:read', category)) socket.leave(threadRoom(threadId));
	}
}
