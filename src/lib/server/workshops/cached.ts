import type { Types } from 'mongoose';
import * as cache from '../cache';
import { oid } from '../db/ids';
import { Workshop, WorkshopRegistration, WorkshopSeat } from '../db/models';
import type { RosterEntry, WorkshopLean } from './access';

/** A member's roster entry as the lists read it, with its workshop. */
export type MemberEntry = RosterEntry & { workshopId: Types.ObjectId };

/**
 * The reads behind the workshop lists (start page, workshop list, needs register, a member's
 * chat channels), cached until any write to a workshop, a roster or a seat (see the workshop
 * model).
 * Entries are content only: every list still asks the rules per workshop with the member's
 * current rights. Callers must not change the returned objects.
 */
const workshops = cache.named<WorkshopLean[] | MemberEntry[] | number>('workshops');
const tagged = () => [cache.tags.workshops];

/** Every workshop, soonest first (a short list). */
export function allWorkshops(): Promise<WorkshopLean[]> {
	return workshops.get(
		'all',
		() => Workshop.find().sort({ startsAt: 1 }).lean<WorkshopLean[]>(),
		tagged
	);
}

/** The member's roster entries (any role, any answer). */
export function entriesOf(memberId: string): Promise<MemberEntry[]> {
	return workshops.get(
		`entries:${memberId}`,
		() =>
			WorkshopRegistration.find(
				{ memberId: oid(memberId) },
				{ workshopId: 1, role: 1, answer: 1, status: 1, waitlistedAt: 1 }
			).lean<MemberEntry[]>(),
		tagged
	);
}

/**
 * How many seats of the workshop are taken, for display. Checks that must not overbook
 * (capacity changes, taking a seat) count in the database instead (seats.ts).
 */
export function seatsShown(workshopId: Types.ObjectId): Promise<number> {
	return workshops.get(
		`seats:${workshopId.toString()}`,
		() => WorkshopSeat.countDocuments({ workshopId }),
		tagged
	);
}
