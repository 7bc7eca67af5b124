import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/errors';
import { WorkshopSeat } from '../db/models';

/**
 * Seats of a workshop as documents numbered 1..capacity. Taking one is an insert that the unique
 * (workshop, seat) index may refuse, so concurrent registrations for the last seat give exactly
 * one winner, on MongoDB and on the embedded database alike (no transactions, no atomic
 * conditional update there). Seats above `capacity - supervisorSeats` are held for supervisors.
 */

export interface SeatPlan {
	capacity: number;
	supervisorSeats: number;
}

/** The seats the member may take, best first: supervisors the held ones, then any. */
function seatGroupsFor(plan: SeatPlan, forSupervisor: boolean): number[][] {
	const open = Math.max(0, plan.capacity - plan.supervisorSeats);
	const all = Array.from({ length: plan.capacity }, (_, i) => i + 1);
	return forSupervisor ? [all.slice(open), all.slice(0, open)] : [all.slice(0, open)];
}

/** Takes a free seat for the member (or returns the one they hold); null when none is free. */
export async function takeSeat(
	workshopId: Types.ObjectId,
	memberId: Types.ObjectId,
	plan: SeatPlan,
	forSupervisor: boolean
): Promise<number | null> {
	for (let round = 0; round < 10; round++) {
		const held = await WorkshopSeat.find({ workshopId }, { seat: 1, memberId: 1 }).lean();
		const own = held.find((s) => s.memberId.equals(memberId));
		if (own) return own.seat;
		const taken = new Set(held.map((s) => s.seat));
		const free =
			seatGroupsFor(plan, forSupervisor)
				.map((group) => group.filter((n) => !taken.has(n)))
				.find((group) => group.length > 0) ?? [];
		if (free.length === 0) return null;
		// Racers read the same free list; spread them over it so most win at the first try.
		const seat = free[Math.floor(Math.random() * Math.min(free.length, 8))]!;
		try {
			await WorkshopSeat.create({ workshopId, seat, memberId });
			return seat;
		} catch (err) {
			if (!isDuplicateKeyError(err)) throw err;
			// Someone else took this seat (or this member took one in parallel): look again.
		}
	}
	return null;
}

export async function releaseSeat(
	workshopId: Types.ObjectId,
	memberId: Types.ObjectId
): Promise<boolean> {
	const result = await WorkshopSeat.deleteOne({ workshopId, memberId });
	return result.deletedCount > 0;
}

export async function seatsTaken(workshopId: Types.ObjectId): Promise<number> {
	return WorkshopSeat.countDocuments({ workshopId });
}
