import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, upcomingWorkshopInput } from '../../../../tests/support/workshops';
import { AuditEntry, WorkshopSeat } from '../db/models';
import {
	answerRsvp,
	changeAgenda,
	changeWorkshopState,
	getAgendaForEdit,
	proposeTopic,
	createWorkshop,
	getWorkshopPage,
	listWorkshops,
	type WorkshopInput
} from './index';

useTestDatabase('workshops');

let cohort1: string;
let cohort3: string;
const organiser = newActor(['organiser']);
const alumni = (cohortId: string) => newActor(['alumni'], [cohortId]);

const input = (overrides: Partial<WorkshopInput> = {}) =>
	upcomingWorkshopInput(cohort1, {
		number: 3,
		title: '3. Transfer-Workshop',
		format: 'online',
		onlineUrl: 'https://video.example.org/ws3',
		address: '',
		capacity: 40,
		...overrides
	});
const published = (overrides: Partial<WorkshopInput> = {}) =>
	publishWorkshop(organiser, input(overrides));

beforeAll(async () => {
	cohort1 = await createCohort('Durchgang 1', 'd1');
	cohort3 = await createCohort('Durchgang 3', 'd3');
	await storeMembers([organiser]);
});

describe('workshop lifecycle and visibility', () => {
	it('keeps a draft to organisers, shows a published workshop to its audience only, and audits each step', async () => {
		const anna = alumni(cohort1);
		const other = alumni(cohort3);
		const supervisor = newActor(['supervisor']);
		await storeMembers([anna, other, supervisor]);
		const created = await createWorkshop(organiser, input());
		expect(created.ok).toBe(true);
		const id = created.ok ? created.value.id : '';

		expect((await getWorkshopPage(organiser, id)).ok).toBe(true);
		for (const who of [anna, other, supervisor])
			expect(await getWorkshopPage(who, id)).toMatchObject({
				ok: false,
				failure: { code: 'not_found' }
			});
		expect((await listWorkshops(anna)).ok && (await listWorkshops(anna))).toMatchObject({
			value: { upcoming: [] }
		});

		expect((await changeWorkshopState(organiser, { id, to: 'published' })).ok).toBe(true);
		const page = await getWorkshopPage(anna, id);
		expect(page.ok && page.value).toMatchObject({
			title: '3. Transfer-Workshop',
			state: 'published',
			seatsTaken: 0,
			capacity: 40
		});
		expect(page.ok && page.value.descriptionHtml).toContain('<strong>aufgehängt</strong>');
		// Not yet on the roster: no video link, no participant list.
		expect(page.ok && page.value.onlineUrl).toBeNull();
		expect(page.ok && page.value.participants).toBeNull();
		for (const who of [other, supervisor])
			expect(await getWorkshopPage(who, id)).toMatchObject({
				ok: false,
				failure: { code: 'not_found' }
			});

		// Publishing is one-way; an alumna cannot change the state at all.
		expect(await changeWorkshopState(organiser, { id, to: 'published' })).toMatchObject({
			ok: false,
			failure: { code: 'invalid' }
		});
		expect(await changeWorkshopState(anna, { id, to: 'cancelled' })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect((await changeWorkshopState(organiser, { id, to: 'cancelled' })).ok).toBe(true);
		const actions = (await AuditEntry.find({ targetId: id }).sort({ _id: 1 }).lean()).map(
			(e) => e.action
		);
		expect(actions).toEqual(['workshop.create', 'workshop.publish', 'workshop.cancel']);
	});

	it('refuses bad input with the field it belongs to and stores nothing', async () => {
		const before = await listWorkshops(organiser);
		const cases: [Partial<WorkshopInput>, string][] = [
			[{ endsAt: new Date('2030-10-08T07:00:00Z') }, 'endTime'],
			[{ supervisorSeats: 41 }, 'supervisorSeats'],
			[{ onlineUrl: '' }, 'onlineUrl'],
			[{ format: 'onsite', address: '' }, 'address'],
			[{ audienceCohortIds: [] }, 'audienceCohortIds'],
			[{ audienceCohortIds: [new Types.ObjectId().toString()] }, 'audienceCohortIds']
		];
		for (const [overrides, field] of cases)
			expect(await createWorkshop(organiser, input(overrides))).toMatchObject({
				ok: false,
				failure: { code: 'invalid', field }
			});
		expect(await createWorkshop(alumni(cohort1), input())).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		const after = await listWorkshops(organiser);
		expect(after.ok && after.value.drafts.length).toBe(before.ok && before.value.drafts.length);
	});
});

describe('registration', () => {
	it('confirms until the seats are taken, then keeps a first-in-first-out waiting list and promotes on cancellation', async () => {
		const id = await published({ capacity: 2 });
		const people = [alumni(cohort1), alumni(cohort1), alumni(cohort1), alumni(cohort1)];
		await storeMembers(people);
		const answers = [];
		for (const p of people) answers.push(await answerRsvp(p, { workshopId: id, answer: 'yes' }));
		expect(answers.map((a) => a.ok && a.value)).toEqual([
			{ answer: 'yes', status: 'confirmed', waitlistPosition: null },
			{ answer: 'yes', status: 'confirmed', waitlistPosition: null },
			{ answer: 'yes', status: 'waitlisted', waitlistPosition: 1 },
			{ answer: 'yes', status: 'waitlisted', waitlistPosition: 2 }
		]);
		const page = await getWorkshopPage(people[0]!, id);
		expect(page.ok && page.value).toMatchObject({ seatsTaken: 2, waitlistCount: 2 });
		expect(page.ok && page.value.participants?.length).toBe(5); // four and the organiser

		// The first one cancels: the longest waiting gets the seat, the next moves up.
		expect(await answerRsvp(people[0]!, { workshopId: id, answer: 'no' })).toMatchObject({
			ok: true,
			value: { status: 'none', answer: 'no' }
		});
		const third = await getWorkshopPage(people[2]!, id);
		expect(third.ok && third.value.my).toEqual({
			answer: 'yes',
			status: 'confirmed',
			waitlistPosition: null
		});
		const fourth = await getWorkshopPage(people[3]!, id);
		expect(fourth.ok && fourth.value.my).toEqual({
			answer: 'yes',
			status: 'waitlisted',
			waitlistPosition: 1
		});
		// Someone new does not jump the queue when a seat frees later.
		expect(await WorkshopSeat.countDocuments({ workshopId: new Types.ObjectId(id) })).toBe(2);
	});

	it('holds the reserved seats for supervisors', async () => {
		const id = await published({ capacity: 3, supervisorSeats: 1 });
		const [a, b, c] = [alumni(cohort1), alumni(cohort1), alumni(cohort1)];
		await storeMembers([a, b, c]);
		const statuses = [];
		for (const p of [a, b, c]) {
			const r = await answerRsvp(p, { workshopId: id, answer: 'yes' });
			statuses.push(r.ok && r.value.status);
		}
		// Two open seats for alumni; the third alumna waits although one seat is still free.
		expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted']);
		const seats = await WorkshopSeat.find({ workshopId: new Types.ObjectId(id) }).lean();
		expect(seats.map((s) => s.seat).sort()).toEqual([1, 2]);
	});

	it('gives the last seat to exactly one of 50 concurrent requests', async () => {
		const id = await published({ capacity: 40 });
		const early = Array.from({ length: 39 }, () => alumni(cohort1));
		const racers = Array.from({ length: 50 }, () => alumni(cohort1));
		await storeMembers([...early, ...racers]);
		for (const p of early) await answerRsvp(p, { workshopId: id, answer: 'yes' });
		const results = await Promise.all(
			racers.map((p) => answerRsvp(p, { workshopId: id, answer: 'yes' }))
		);
		const statuses = results.map((r) => (r.ok ? r.value.status : r.failure.code));
		expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
		expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(49);
		expect(await WorkshopSeat.countDocuments({ workshopId: new Types.ObjectId(id) })).toBe(40);
	});

	it('refuses alumni of other cohorts, answers after the deadline, and answers on a draft', async () => {
		const id = await published({ registrationDeadline: new Date('2030-10-01T21:59:00Z') });
		const outsider = alumni(cohort3);
		const late = alumni(cohort1);
		await storeMembers([outsider, late]);
		expect(await answerRsvp(outsider, { workshopId: id, answer: 'yes' })).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
		expect(
			await answerRsvp(late, { workshopId: id, answer: 'yes' }, new Date('2030-10-02T08:00:00Z'))
		).toMatchObject({
			ok: false,
			failure: { code: 'invalid', message: 'workshops.errors.deadlinePassed' }
		});
		const draft = await createWorkshop(organiser, input());
		expect(
			await answerRsvp(late, { workshopId: draft.ok ? draft.value.id : '', answer: 'yes' })
		).toMatchObject({ ok: false, failure: { code: 'not_found' } });
		expect(await answerRsvp(late, { workshopId: 'not-an-id', answer: 'yes' })).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
	});
});

describe('agenda', () => {
	it('adds, moves and removes items, derives start times and states an overrun', async () => {
		const id = await published({
			startsAt: new Date('2030-10-08T08:00:00Z'),
			endsAt: new Date('2030-10-08T09:00:00Z')
		});
		const item = (title: string, durationMinutes: number) => ({
			kind: 'item' as const,
			title,
			durationMinutes,
			speaker: '',
			description: '',
			method: 'input' as const
		});
		for (const [title, minutes] of [
			['Begrüßung', 15],
			['Input', 30],
			['Diskussion', 30]
		] as const)
			expect(
				(
					await changeAgenda(organiser, {
						workshopId: id,
						change: { op: 'add', item: item(title, minutes) }
					})
				).ok
			).toBe(true);
		let page = await getWorkshopPage(organiser, id);
		expect(page.ok && page.value.agenda.map((a) => [a.title, a.startsAt])).toEqual([
			['Begrüßung', '2030-10-08T08:00:00.000Z'],
			['Input', '2030-10-08T08:15:00.000Z'],
			['Diskussion', '2030-10-08T08:45:00.000Z']
		]);
		expect(page.ok && page.value.agendaOverrunMinutes).toBe(15);
		const [first, , last] = page.ok ? page.value.agenda.map((a) => a.id) : [];
		await changeAgenda(organiser, {
			workshopId: id,
			change: { op: 'move', itemId: last!, by: -1 }
		});
		await changeAgenda(organiser, { workshopId: id, change: { op: 'remove', itemId: first! } });
		page = await getWorkshopPage(organiser, id);
		expect(page.ok && page.value.agenda.map((a) => a.title)).toEqual(['Diskussion', 'Input']);
		expect(page.ok && page.value.agendaOverrunMinutes).toBe(0);
		// Only organisers change it; someone of the audience may propose once on the roster.
		const anna = alumni(cohort1);
		await storeMembers([anna]);
		expect(
			await changeAgenda(anna, { workshopId: id, change: { op: 'remove', itemId: last! } })
		).toMatchObject({ ok: false, failure: { code: 'forbidden' } });
		expect(await proposeTopic(anna, { workshopId: id, title: 'Haushaltsrecht' })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		await answerRsvp(anna, { workshopId: id, answer: 'yes' });
		expect((await proposeTopic(anna, { workshopId: id, title: 'Haushaltsrecht' })).ok).toBe(true);
		const edit = await getAgendaForEdit(organiser, id);
		expect(edit.ok && edit.value.proposals.map((p) => p.title)).toEqual(['Haushaltsrecht']);
	});
});
