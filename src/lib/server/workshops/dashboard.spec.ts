import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import { Types } from 'mongoose';
import { WorkshopRegistration } from '../db/models';
import { releaseSeat, takeSeat } from './seats';
import {
	answerRsvp,
	changeWorkshopState,
	listWorkshops,
	workshopDashboard,
	type WorkshopInput
} from './index';

useTestDatabase('workshop_dashboard');

const organiser = newActor(['organiser']);
let cohortId: string;
const day = 86_400_000;
/** A workshop `days` from now; each test makes its own, later ones further out. */
const inDays = (days: number, overrides: Partial<WorkshopInput> = {}) =>
	workshopInput(cohortId, {
		startsAt: new Date(Date.now() + days * day),
		endsAt: new Date(Date.now() + days * day + 3 * 3_600_000),
		capacity: 10,
		...overrides
	});

beforeAll(async () => {
	cohortId = await createCohort('Durchgang 1', 'd1');
	await storeMembers([organiser]);
});

describe('Mein nächster Workshop', () => {
	it('is the next one I am on or may still register for; declined, closed registration and cancelled ones are skipped', async () => {
		const anna = newActor(['alumni'], [cohortId]);
		await storeMembers([anna]);
		expect(await workshopDashboard(anna)).toEqual({ next: null, mine: null });

		const cancelled = await publishWorkshop(organiser, inDays(5, { title: 'Abgesagt' }));
		expect((await changeWorkshopState(organiser, { id: cancelled, to: 'cancelled' })).ok).toBe(
			true
		);
		const declined = await publishWorkshop(organiser, inDays(6, { title: 'Nein danke' }));
		expect((await answerRsvp(anna, { workshopId: declined, answer: 'no' })).ok).toBe(true);
		await publishWorkshop(
			organiser,
			inDays(7, { title: 'Anmeldung vorbei', registrationDeadline: new Date(Date.now() - day) })
		);
		const open = await publishWorkshop(organiser, inDays(8, { title: 'Offen' }));
		const later = await publishWorkshop(organiser, inDays(9, { title: 'Später' }));

		const first = await workshopDashboard(anna);
		expect(first.next).toMatchObject({ id: open, myAnswer: null, myStatus: null });
		expect(first.mine).toBeNull(); // alumni get the card, not the guests' list

		expect((await answerRsvp(anna, { workshopId: later, answer: 'maybe' })).ok).toBe(true);
		expect((await answerRsvp(anna, { workshopId: open, answer: 'no' })).ok).toBe(true);
		expect((await workshopDashboard(anna)).next).toMatchObject({ id: later, myAnswer: 'maybe' });
	});

	it('shows a guest their workshops first, the next one on its own', async () => {
		const supervisor = newActor(['supervisor']);
		await storeMembers([supervisor]);
		const soon = await publishWorkshop(organiser, inDays(20, { title: 'Mit Fachvorgesetzten' }));
		const after = await publishWorkshop(organiser, inDays(30, { title: 'Danach' }));
		await publishWorkshop(organiser, inDays(25, { title: 'Nicht für Gäste' }));
		for (const workshopId of [soon, after])
			await WorkshopRegistration.create({
				workshopId: new Types.ObjectId(workshopId),
				memberId: new Types.ObjectId(supervisor.id),
				role: 'supervisor'
			});

		const dashboard = await workshopDashboard(supervisor);
		expect(dashboard.next?.id).toBe(soon);
		expect(dashboard.mine?.map((w) => w.id)).toEqual([after]);
	});

	it('keeps the cached seat counts and the card current when seats are taken and given back', async () => {
		const [anna, ben] = [newActor(['alumni'], [cohortId]), newActor(['alumni'], [cohortId])];
		await storeMembers([anna, ben]);
		const id = await publishWorkshop(organiser, inDays(3, { title: 'Gleich voll', capacity: 1 }));
		const shown = async () => {
			const lists = await listWorkshops(ben);
			return lists.ok ? lists.value.upcoming.find((w) => w.id === id)?.seatsTaken : undefined;
		};
		expect(await shown()).toBe(0); // now cached
		expect((await workshopDashboard(anna)).next?.id).toBe(id);

		expect((await answerRsvp(anna, { workshopId: id, answer: 'yes' })).ok).toBe(true);
		expect(await shown()).toBe(1);
		expect((await workshopDashboard(anna)).next).toMatchObject({ id, myStatus: 'confirmed' });

		expect((await answerRsvp(anna, { workshopId: id, answer: 'no' })).ok).toBe(true);
		expect(await shown()).toBe(0);
		expect((await workshopDashboard(anna)).next?.id).not.toBe(id);

		// A seat write alone (no roster write beside it) retires the count too.
		const seat = { workshopId: new Types.ObjectId(id), memberId: new Types.ObjectId(ben.id) };
		expect(
			await takeSeat(seat.workshopId, seat.memberId, { capacity: 1, supervisorSeats: 0 }, false)
		).toBe(1);
		expect(await shown()).toBe(1);
		expect(await releaseSeat(seat.workshopId, seat.memberId)).toBe(true);
		expect(await shown()).toBe(0);
	});
});
