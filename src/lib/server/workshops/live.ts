import type { WorkshopLiveDto } from '$lib/realtime/events';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Workshop, WorkshopRegistration } from '../db/models';
import { serialised } from '../db/serial';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor } from './access';
import { emitToWorkshop, liveOf, runningItems } from './live-room';

/**
 * Previous/next in a live workshop: the server keeps which item runs since when and tells the
 * room. Before the first move the first item counts as running.
 */
export function moveLiveItem(
	actor: Actor,
	input: { workshopId: string; by: number }
): Promise<Result<WorkshopLiveDto>> {
	return serialised(`workshop:${input.workshopId}`, async () => {
		const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:run-live');
		if (!loaded.ok) return loaded;
		const { workshop } = loaded.value;
		const items = runningItems(workshop.agenda);
		if (items.length === 0) return refused('invalid', 'workshopResults.errors.noAgenda');
		const at = Math.max(
			0,
			items.findIndex((i) => workshop.liveItemId && i._id.equals(workshop.liveItemId))
		);
		const to = Math.min(items.length - 1, Math.max(0, at + input.by));
		const live = { liveItemId: items[to]!._id, liveItemStartedAt: new Date() };
		await Workshop.updateOne({ _id: workshop._id }, { $set: live });
		const dto = liveOf({ ...workshop, ...live });
		emitToWorkshop(input.workshopId, 'workshop:live', dto);
		return ok(dto);
	});
}

/** A roster member marks themselves present while the workshop is live. */
export async function checkIn(actor: Actor, input: { workshopId: string }): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	if (!can(actor, 'workshop:check-in', loaded.value.resource))
		return refused('forbidden', 'workshopResults.errors.notLive');
	await WorkshopRegistration.updateOne(
		{ workshopId: loaded.value.workshop._id, memberId: oid(actor.id) },
		{ $set: { attended: true } }
	);
	return ok(null);
}

/**
 * An organiser marks someone on the roster (attendance, note-taker); audited. Someone not on
 * the roster answers not_found.
 */
export async function markRosterEntry(
	actor: Actor,
	input: { workshopId: string; memberId: string },
	mark: { attended: boolean } | { noteTaker: boolean },
	action: string
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
	if (!loaded.ok) return loaded;
	if (!isObjectId(input.memberId)) return refused('not_found');
	const changed = await WorkshopRegistration.updateOne(
		{ workshopId: loaded.value.workshop._id, memberId: oid(input.memberId) },
		{ $set: mark }
	);
	if (changed.matchedCount === 0) return refused('not_found');
	await record({
		actorId: actor.id,
		action,
		targetType: 'workshop',
		targetId: input.workshopId,
		details: { memberId: input.memberId, ...mark }
	});
	return ok(null);
}

/** An organiser corrects who was there (also after the day). */
export const correctAttendance = (
	actor: Actor,
	input: { workshopId: string; memberId: string; attended: boolean }
) => markRosterEntry(actor, input, { attended: input.attended }, 'workshop.attendance');
