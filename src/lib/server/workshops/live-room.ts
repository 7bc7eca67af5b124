import type { ServerToClientEvents, WorkshopLiveDto } from '$lib/realtime/events';
import { workshopRoomSchema } from '$lib/schemas/workshop-results';
import type { Actor } from '../auth/permissions';
import { getIO, type AppSocket, type IO } from '../realtime/io';
import { refusedAck } from '../respond';
import { refused } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';

export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;

/** Called after the database write, so a live reader never sees what was not stored. */
export function emitToWorkshop<E extends 'note:updated' | 'workshop:live'>(
	workshopId: string,
	event: E,
	...payload: Parameters<ServerToClientEvents[E]>
): void {
	getIO()
		?.to(workshopRoom(workshopId))
		.emit(event, ...payload);
}

/** The agenda items that run (sections are headings without time of their own). */
export const runningItems = <T extends { kind: string }>(agenda: T[]) =>
	agenda.filter((i) => i.kind === 'item');

/** Before an organiser moves on, the first item counts as running since the workshop's start. */
export const liveOf = (w: WorkshopLean): WorkshopLiveDto => ({
	workshopId: w._id.toString(),
	itemId: (w.liveItemId ?? runningItems(w.agenda)[0]?._id)?.toString() ?? null,
	startedAt: (w.liveItemStartedAt ?? w.startsAt).toISOString()
});

const actorOf = (socket: AppSocket): Actor => ({
	id: socket.data.memberId,
	roles: socket.data.roles,
	cohortIds: socket.data.cohortIds
});

/**
 * The live room of a workshop: notes and live-view changes. Joining asks the notes' read rule
 * with the member's current roster entry (on every join); an unknown or hidden workshop answers
 * 'not_found' alike. The server only emits after database writes; clients send nothing else.
 */
export function workshopHandlers(_io: IO, socket: AppSocket): void {
	socket.on('workshop:join', async (payload, ack) => {
		const reply: typeof ack = typeof ack === 'function' ? ack : () => undefined;
		const parsed = workshopRoomSchema.safeParse(payload);
		if (!parsed.success) return reply(refusedAck(refused('invalid').failure, socket.data.locale));
		const loaded = await loadWorkshopFor(
			actorOf(socket),
			parsed.data.workshopId,
			'workshop:read-notes'
		);
		if (!loaded.ok) return reply(refusedAck(loaded.failure, socket.data.locale));
		await socket.join(workshopRoom(parsed.data.workshopId));
		reply({ ok: true, data: liveOf(loaded.value.workshop) });
	});

	socket.on('workshop:leave', (payload) => {
		const parsed = workshopRoomSchema.safeParse(payload);
		if (parsed.success) void socket.leave(workshopRoom(parsed.data.workshopId));
	});
}

const roomPrefix = workshopRoom('');

/** After a rights or roster change: leaves workshop rooms whose notes the member may no longer read. */
export async function refreshWorkshopRooms(socket: AppSocket): Promise<void> {
	for (const name of [...socket.rooms]) {
		if (!name.startsWith(roomPrefix)) continue;
		const loaded = await loadWorkshopFor(
			actorOf(socket),
			name.slice(roomPrefix.length),
			'workshop:read-notes'
		);
		if (!loaded.ok) await socket.leave(name);
	}
}
