import type { Types } from 'mongoose';
import type { AgendaItemFields } from '$lib/workshops';
import { can, hasRole, type Action, type Actor, type WorkshopResource } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Workshop, WorkshopRegistration, type WorkshopDoc } from '../db/models';
import { refused, ok, type Result } from '../result';
import { allWorkshops, entriesOf } from './cached';

export interface AgendaItemLean extends AgendaItemFields {
	_id: Types.ObjectId;
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
	noteTaker?: boolean;
	attended?: boolean | null;
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
		participantUploads: w.participantUploads ?? false,
		declined: entry?.role === 'participant' && entry.answer === 'no',
		noteTaker: entry?.noteTaker ?? false,
		notesReopened: w.notesReopened ?? false
	};
}

/** The workshop as the rules see it for this member now, or null when it does not exist. */
export async function workshopResourceFor(
	memberId: string,
	workshopId: string,
	now = new Date()
): Promise<WorkshopResource | null> {
	const [workshop, entry] = await Promise.all([
		Workshop.findById(oid(workshopId), {
			state: 1,
			audienceCohortIds: 1,
			closedAt: 1,
			endsAt: 1,
			guestAccessDays: 1,
			participantUploads: 1,
			notesReopened: 1
		}).lean<WorkshopLean>(),
		rosterEntryOf(workshopId, memberId)
	]);
	return workshop ? resourceOf(workshop, entry, now) : null;
}

/** The workshops this member is on the roster of (any role, any answer). */
export async function rosterWorkshopIds(memberId: string): Promise<string[]> {
	return (await entriesOf(memberId)).map((e) => e.workshopId.toString());
}

export async function rosterEntryOf(
	workshopId: string,
	memberId: string
): Promise<RosterEntry | null> {
	const entry = await WorkshopRegistration.findOne(
		{ workshopId: oid(workshopId), memberId: oid(memberId) },
		{ role: 1, answer: 1, status: 1, waitlistedAt: 1, noteTaker: 1, attended: 1 }
	).lean();
	return entry
		? {
				role: entry.role as RosterEntry['role'],
				answer: (entry.answer ?? null) as RosterEntry['answer'],
				status: entry.status as RosterEntry['status'],
				waitlistedAt: entry.waitlistedAt ?? null,
				noteTaker: entry.noteTaker ?? false,
				attended: entry.attended ?? null
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

/** Everyone on a workshop's roster who has not declined: the members of its channel. */
export async function rosterMemberIds(workshopId: string): Promise<Types.ObjectId[]> {
	const rows = await WorkshopRegistration.find(
		{ workshopId: oid(workshopId) },
		{ memberId: 1, role: 1, answer: 1 }
	)
		.limit(2000)
		.lean();
	return rows
		.filter((r) => !(r.role === 'participant' && r.answer === 'no'))
		.map((r) => r.memberId);
}

/**
 * Every workshop the actor may see now, soonest first, with their roster entry: what the
 * workshop list and the needs register show (the rule is `workshop:view`, asked per workshop).
 */
export async function visibleWorkshops(
	actor: Actor,
	now = new Date()
): Promise<{ workshop: WorkshopLean; entry: RosterEntry | null }[]> {
	if (!can(actor, 'workshop:list')) return [];
	const [entries, all] = await Promise.all([entriesOf(actor.id), allWorkshops()]);
	const entryOf = new Map(entries.map((e) => [e.workshopId.toString(), e]));
	const cohorts = new Set(actor.cohortIds);
	// Organisers and admins get every workshop; others those for their cohorts or on whose
	// roster they are (the rule below decides per workshop).
	const candidates = hasRole(actor, 'organiser', 'admin')
		? all
		: all.filter(
				(w) =>
					entryOf.has(w._id.toString()) ||
					w.audienceCohortIds.some((id) => cohorts.has(id.toString()))
			);
	return candidates
		.map((workshop) => ({ workshop, entry: entryOf.get(workshop._id.toString()) ?? null }))
		.filter(({ workshop, entry }) => can(actor, 'workshop:view', resourceOf(workshop, entry, now)));
}
