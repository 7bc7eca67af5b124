import type { Types } from 'mongoose';
import { can, type Action, type Actor, type WorkshopResource } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Workshop, WorkshopRegistration, type WorkshopDoc } from '../db/models';
import { refused, ok, type Result } from '../result';

export interface AgendaItemLean {
	_id: Types.ObjectId;
	kind: 'section' | 'item';
	title: string;
	durationMinutes: number;
	speaker: string;
	description: string;
	method: 'input' | 'discussion' | 'world-cafe' | 'vote' | 'break';
}
export interface ProposalLean {
	_id: Types.ObjectId;
	title: string;
	proposedBy: Types.ObjectId;
	createdAt: Date;
}
/** A workshop as `.lean()` reads it, with plain arrays. */
export type WorkshopLean = Omit<WorkshopDoc, 'agenda' | 'proposals'> & {
	agenda: AgendaItemLean[];
	proposals: ProposalLean[];
};
export type RosterEntry = {
	role: 'participant' | 'supervisor' | 'observer' | 'organiser';
	answer: 'yes' | 'maybe' | 'no' | null;
	status: 'confirmed' | 'waitlisted' | 'none';
	waitlistedAt: Date | null;
};

const dayMs = 24 * 60 * 60 * 1000;

/** A guest's access ends `guestAccessDays` after the workshop closed (or ended, if never closed). */
export function guestAccessEnds(
	w: Pick<WorkshopLean, 'closedAt' | 'endsAt' | 'guestAccessDays'>
): Date {
	const from = w.closedAt ?? w.endsAt;
	return new Date(from.getTime() + (w.guestAccessDays ?? 30) * dayMs);
}

export function resourceOf(
	w: WorkshopLean,
	entry: RosterEntry | null,
	now = new Date()
): WorkshopResource {
	return {
		state: w.state as WorkshopResource['state'],
		audienceCohortIds: w.audienceCohortIds.map((id) => id.toString()),
		rosterRole: entry?.role ?? null,
		guestAccessEnded: guestAccessEnds(w) <= now,
		participantUploads: w.participantUploads ?? false
	};
}

export async function rosterEntryOf(
	workshopId: string,
	memberId: string
): Promise<RosterEntry | null> {
	const entry = await WorkshopRegistration.findOne(
		{ workshopId: oid(workshopId), memberId: oid(memberId) },
		{ role: 1, answer: 1, status: 1, waitlistedAt: 1 }
	).lean();
	return entry
		? {
				role: entry.role as RosterEntry['role'],
				answer: (entry.answer ?? null) as RosterEntry['answer'],
				status: entry.status as RosterEntry['status'],
				waitlistedAt: entry.waitlistedAt ?? null
			}
		: null;
}

export interface LoadedWorkshop {
	workshop: WorkshopLean;
	entry: RosterEntry | null;
	resource: WorkshopResource;
}

/**
 * Loads a workshop with the actor's current roster entry and checks `action` on it. A workshop
 * the actor may not even see answers exactly like a missing one (not_found); a visible one
 * where the action is not allowed answers forbidden.
 */
export async function loadWorkshopFor(
	actor: Actor,
	id: string,
	action: Action & `workshop:${string}`,
	now = new Date()
): Promise<Result<LoadedWorkshop>> {
	if (!isObjectId(id)) return refused('not_found');
	const workshop = await Workshop.findById(id).lean<WorkshopLean>();
	if (!workshop) return refused('not_found');
	const entry = await rosterEntryOf(id, actor.id);
	const resource = resourceOf(workshop, entry, now);
	if (!can(actor, 'workshop:view', resource)) return refused('not_found');
	if (action !== 'workshop:view' && !can(actor, action as 'workshop:view', resource))
		return refused('forbidden');
	return ok({ workshop, entry, resource });
}
