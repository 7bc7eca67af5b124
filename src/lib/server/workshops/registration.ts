import type { Types } from 'mongoose';
import { can, hasRole, type Actor } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { serialised } from '../db/serial';
import { WorkshopRegistration } from '../db/models';
import { refreshMemberSockets } from '../realtime/rights';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { releaseSeat, takeSeat } from './seats';

export type RsvpAnswer = 'yes' | 'maybe' | 'no';

export interface MyRegistrationDto {
	answer: RsvpAnswer | null;
	status: 'confirmed' | 'waitlisted' | 'none';
	/** 1-based place on the waiting list, when waiting. */
	waitlistPosition: number | null;
}

type RegistrationLean = {
	_id: Types.ObjectId;
	memberId: Types.ObjectId;
	role: string;
	answer: RsvpAnswer | null;
	status: 'confirmed' | 'waitlisted' | 'none';
	waitlistedAt: Date | null;
};

const waitingOrder = { waitlistedAt: 1, _id: 1 } as const;

async function waitlist(workshopId: Types.ObjectId): Promise<RegistrationLean[]> {
	return WorkshopRegistration.find({ workshopId, status: 'waitlisted' })
		.sort(waitingOrder)
		.lean<RegistrationLean[]>();
}

export async function myRegistration(
	workshopId: Types.ObjectId,
	memberId: string
): Promise<MyRegistrationDto> {
	const entry = await WorkshopRegistration.findOne({
		workshopId,
		memberId: oid(memberId)
	}).lean<RegistrationLean | null>();
	if (!entry) return { answer: null, status: 'none', waitlistPosition: null };
	let waitlistPosition: number | null = null;
	if (entry.status === 'waitlisted') {
		const queue = await waitlist(workshopId);
		waitlistPosition = queue.findIndex((r) => r._id.equals(entry._id)) + 1 || null;
	}
	return { answer: entry.answer ?? null, status: entry.status, waitlistPosition };
}

/** When alumni can no longer answer: the registration deadline, or else the workshop's end. */
export const registrationClosesAt = (w: Pick<WorkshopLean, 'registrationDeadline' | 'endsAt'>) =>
	w.registrationDeadline ?? w.endsAt;

const deadlinePassed = (w: WorkshopLean, now: Date) =>
	w.registrationDeadline !== null &&
	w.registrationDeadline !== undefined &&
	w.registrationDeadline < now;

/** What happens after a seat frees up: the longest-waiting person gets it (FIFO). */
export type PromotionListener = (workshop: WorkshopLean, memberId: string) => Promise<void>;
const promotionListeners: PromotionListener[] = [];
export function onPromotion(listener: PromotionListener): void {
	promotionListeners.push(listener);
}

/** Moves people from the waiting list onto free seats, in order, until none is free. */
export function promoteFromWaitlist(workshop: WorkshopLean): Promise<string[]> {
	return serialised(`workshop-waitlist:${workshop._id}`, async () => {
		const promoted: string[] = [];
		for (const waiting of await waitlist(workshop._id)) {
			const seat = await takeSeat(
				workshop._id,
				waiting.memberId,
				workshop,
				waiting.role === 'supervisor'
			);
			if (seat === null) break;
			await WorkshopRegistration.updateOne(
				{ _id: waiting._id },
				{ $set: { status: 'confirmed', waitlistedAt: null } }
			);
			promoted.push(waiting.memberId.toString());
		}
		for (const memberId of promoted)
			for (const listener of promotionListeners) await listener(workshop, memberId);
		return promoted;
	});
}

/**
 * Answers the invitation: yes takes a seat (or a place on the waiting list when none is free or
 * others already wait), maybe and no free the seat for the next one waiting. Alumni of the
 * audience may answer until the deadline; people already on the roster may answer for
 * themselves; after the deadline only organisers change the roster.
 */
export async function answerRsvp(
	actor: Actor,
	input: { workshopId: string; answer: RsvpAnswer },
	now = new Date()
): Promise<Result<MyRegistrationDto>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	const { workshop, entry, resource } = loaded.value;
	const open = workshop.state === 'published' || workshop.state === 'live';
	const mayAnswer = can(actor, 'workshop:register', resource) || (open && entry !== null);
	if (!mayAnswer) return refused('forbidden', 'workshops.errors.notOpen');
	if (deadlinePassed(workshop, now) && !hasRole(actor, 'organiser', 'admin'))
		return refused('invalid', 'workshops.errors.deadlinePassed');

	const memberId = oid(actor.id);
	const key = { workshopId: workshop._id, memberId };
	await unlessDuplicate(
		() =>
			WorkshopRegistration.updateOne(
				key,
				{ $setOnInsert: { ...key, role: 'participant', status: 'none' } },
				{ upsert: true }
			),
		() => undefined // a parallel request created it: fine
	);
	const current = (await WorkshopRegistration.findOne(key).lean<RegistrationLean>())!;

	if (input.answer === 'yes') {
		if (current.status === 'none') {
			const othersWait =
				(await WorkshopRegistration.countDocuments({
					workshopId: workshop._id,
					status: 'waitlisted'
				})) > 0;
			const seat = othersWait
				? null
				: await takeSeat(workshop._id, memberId, workshop, current.role === 'supervisor');
			await WorkshopRegistration.updateOne(
				{ _id: current._id },
				{
					$set:
						seat === null
							? { answer: 'yes', status: 'waitlisted', waitlistedAt: now }
							: { answer: 'yes', status: 'confirmed', waitlistedAt: null }
				}
			);
		} else {
			await WorkshopRegistration.updateOne({ _id: current._id }, { $set: { answer: 'yes' } });
		}
	} else {
		const hadSeat = current.status === 'confirmed' && (await releaseSeat(workshop._id, memberId));
		await WorkshopRegistration.updateOne(
			{ _id: current._id },
			{ $set: { answer: input.answer, status: 'none', waitlistedAt: null } }
		);
		if (hadSeat) await promoteFromWaitlist(workshop);
	}
	// A "no" leaves the workshop's channel, any other answer joins it: live sockets follow.
	await refreshMemberSockets(actor.id);
	return ok(await myRegistration(workshop._id, actor.id));
}
