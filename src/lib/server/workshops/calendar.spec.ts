import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { parseCalendar } from '../../../../tests/support/ical';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import type { Actor } from '../auth/permissions';
import { Member, Workshop, WorkshopRegistration } from '../db/models';
import { zonedToInstant } from '$lib/time-zone';
import {
	answerRsvp,
	changeWorkshopState,
	createWorkshop,
	endCalendarFeed,
	feedCalendar,
	getCalendarFeed,
	invitationCalendar,
	renewCalendarFeed,
	updateWorkshop,
	workshopCalendar,
	type WorkshopInput
} from './index';
import type { WorkshopLean } from './access';

useTestDatabase('workshop_calendar');

const origin = 'https://netzwerk.example.de';
const berlin = 'Europe/Berlin';
let cohort1: string;
const actor = newActor;
const organiser = actor(['organiser']);

const input = (overrides: Partial<WorkshopInput> = {}) => workshopInput(cohort1, overrides);
const published = (overrides: Partial<WorkshopInput> = {}) =>
	publishWorkshop(organiser, input(overrides));

async function icsFor(who: Actor, id: string) {
	const file = await workshopCalendar(who, id, { origin, locale: 'de' });
	if (!file.ok) throw new Error(file.failure.code);
	return { ...file.value, calendar: parseCalendar(file.value.body) };
}

beforeAll(async () => {
	cohort1 = await createCohort('Durchgang 1', 'd1');
	await storeMembers([organiser]);
});

describe('the calendar file of a workshop', () => {
	it('writes Berlin wall-clock times with a VTIMEZONE for every zone it names', async () => {
		const id = await published();
		const { body, filename, calendar } = await icsFor(organiser, id);

		expect(filename).toBe('2-transfer-workshop-die-rolle-in-der-verwaltung.ics');
		expect(body).toContain('DTSTART;TZID=Europe/Berlin:20220929T100000');
		expect(calendar.method).toBe('PUBLISH');
		const [event] = calendar.events;
		expect(event!.startZone).toBe(berlin);
		// Summer time: 10:00 in Berlin is 08:00 UTC.
		expect(event!.start.toISOString()).toBe('2022-09-29T08:00:00.000Z');
		expect(event!.end.toISOString()).toBe('2022-09-29T13:30:00.000Z');
		expect(calendar.usedZones.length).toBeGreaterThan(0);
		for (const zone of calendar.usedZones) expect(calendar.timezones).toContain(zone);
		expect(body).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);

		expect(event!.uid).toBe(`workshop-${id}@netzwerk.example.de`);
		expect(event!.summary).toBe('2. Transfer-Workshop: Die Rolle in der Verwaltung');
		expect(event!.url).toBe(`${origin}/workshops/${id}`);
		expect(event!.status).toBe('CONFIRMED');
		expect(event!.description).toContain('Wie ist die Rolle aufgehängt? Fragen & Antworten.');
		expect(event!.description).toContain('\n\nZweiter Absatz');
		expect(event!.location).toBe(
			'Potsdam, Heinrich-Mann-Allee 107 / https://video.example.org/ws2'
		);
	});

	it('keeps the hour after the change to winter time (one hour offset, not two)', async () => {
		const id = await published({
			startsAt: zonedToInstant('2022-10-31', '10:00', berlin),
			endsAt: zonedToInstant('2022-10-31', '12:00', berlin),
			format: 'online',
			address: ''
		});
		const { body, calendar } = await icsFor(organiser, id);
		expect(body).toContain('DTSTART;TZID=Europe/Berlin:20221031T100000');
		expect(calendar.events[0]!.start.toISOString()).toBe('2022-10-31T09:00:00.000Z');
		for (const zone of calendar.usedZones) expect(calendar.timezones).toContain(zone);
	});

	it('raises SEQUENCE on every change after publishing and marks a cancellation', async () => {
		const id = await published();
		const uidBefore = (await icsFor(organiser, id)).calendar.events[0]!;
		const updated = await updateWorkshop(organiser, {
			...input({ startsAt: zonedToInstant('2022-09-29', '11:00', berlin) }),
			id
		});
		expect(updated.ok).toBe(true);
		const afterUpdate = (await icsFor(organiser, id)).calendar.events[0]!;
		expect(afterUpdate.uid).toBe(uidBefore.uid);
		expect(afterUpdate.sequence).toBeGreaterThan(uidBefore.sequence);
		expect(afterUpdate.start.toISOString()).toBe('2022-09-29T09:00:00.000Z');

		expect((await changeWorkshopState(organiser, { id, to: 'cancelled' })).ok).toBe(true);
		const cancelled = (await icsFor(organiser, id)).calendar.events[0]!;
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.sequence).toBeGreaterThan(afterUpdate.sequence);
		expect(cancelled.uid).toBe(uidBefore.uid);
	});

	it('gives the video link only to the roster and answers others like a missing workshop', async () => {
		const id = await published({ format: 'online', address: '' });
		const anna = actor(['alumni'], [cohort1]);
		const outsider = actor(['alumni'], [new Types.ObjectId().toString()]);
		await storeMembers([anna, outsider]);

		const before = (await icsFor(anna, id)).calendar.events[0]!;
		expect(before.location).toBe('Online');
		expect(before.description).not.toContain('video.example.org');

		expect((await answerRsvp(anna, { workshopId: id, answer: 'yes' })).ok).toBe(true);
		const after = (await icsFor(anna, id)).calendar.events[0]!;
		expect(after.location).toBe('https://video.example.org/ws2');
		expect(after.description).toContain('Videokonferenz: https://video.example.org/ws2');

		expect(await workshopCalendar(outsider, id, { origin, locale: 'de' })).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
		expect(
			await workshopCalendar(anna, new Types.ObjectId().toString(), { origin, locale: 'de' })
		).toMatchObject({ ok: false, failure: { code: 'not_found' } });
	});

	it('makes the invitation attachment a METHOD:REQUEST for the invitee, CANCEL once cancelled', async () => {
		const id = await published();
		const anna = actor(['alumni'], [cohort1]);
		await storeMembers([anna]);
		const load = async () => (await Workshop.findById(id).lean<WorkshopLean>())!;

		const request = parseCalendar((await invitationCalendar(await load(), anna.id, origin))!);
		expect(request.method).toBe('REQUEST');
		expect(request.events[0]!.organizer).toMatch(/^mailto:/i);
		expect(request.events[0]!.attendees.map((a) => a.toLowerCase())).toEqual([
			`mailto:m${anna.id}@example.org`
		]);
		for (const zone of request.usedZones) expect(request.timezones).toContain(zone);

		expect((await changeWorkshopState(organiser, { id, to: 'cancelled' })).ok).toBe(true);
		const cancel = parseCalendar((await invitationCalendar(await load(), anna.id, origin))!);
		expect(cancel.method).toBe('CANCEL');
		expect(cancel.events[0]!.status).toBe('CANCELLED');

		const outsider = actor(['alumni'], [new Types.ObjectId().toString()]);
		await storeMembers([outsider]);
		expect(await invitationCalendar(await load(), outsider.id, origin)).toBeNull();
	});
});

describe('the personal calendar feed', () => {
	async function feedEvents(url: string) {
		const token = url.split('/calendar/')[1]!.replace(/\.ics$/, '');
		const file = await feedCalendar(token, origin);
		return file.ok ? parseCalendar(file.value.body) : null;
	}

	it('holds my seats, yes and maybe answers and what I organise, never the waiting list', async () => {
		const anna = actor(['alumni'], [cohort1]);
		const ben = actor(['alumni'], [cohort1]);
		await storeMembers([anna, ben]);
		const confirmed = await published({ title: 'Mit Platz', capacity: 1 });
		const full = await published({ title: 'Voll', capacity: 1 });
		const maybe = await published({ title: 'Vielleicht' });
		const declined = await published({ title: 'Abgesagt' });
		await published({ title: 'Nicht beantwortet' });
		const draft = await createWorkshop(organiser, input({ title: 'Entwurf' }));
		expect(draft.ok).toBe(true);

		expect((await answerRsvp(anna, { workshopId: confirmed, answer: 'yes' })).ok).toBe(true);
		expect((await answerRsvp(ben, { workshopId: full, answer: 'yes' })).ok).toBe(true);
		const waiting = await answerRsvp(anna, { workshopId: full, answer: 'yes' });
		expect(waiting.ok && waiting.value.status).toBe('waitlisted');
		expect((await answerRsvp(anna, { workshopId: maybe, answer: 'maybe' })).ok).toBe(true);
		expect((await answerRsvp(anna, { workshopId: declined, answer: 'no' })).ok).toBe(true);

		expect(await getCalendarFeed(anna)).toEqual({ active: false, createdAt: null });
		const renewed = await renewCalendarFeed(anna, origin);
		if (!renewed.ok) throw new Error(renewed.failure.code);
		expect(renewed.value.url).toMatch(
			/^https:\/\/netzwerk\.example\.de\/calendar\/[a-z2-7]{32}\.ics$/
		);
		expect((await getCalendarFeed(anna)).active).toBe(true);

		const feed = await feedEvents(renewed.value.url);
		expect(feed?.method).toBe('PUBLISH');
		expect(feed?.name).toBe('Netzwerk: Meine Workshops');
		const titles = feed!.events.map((e) => e.summary.replace(/^2\. Transfer-Workshop: /, ''));
		// Not "Voll" (waiting list), "Abgesagt" (no), "Nicht beantwortet" or the draft.
		expect(titles.sort()).toEqual(['Mit Platz', 'Vielleicht']);
		for (const zone of feed!.usedZones) expect(feed!.timezones).toContain(zone);

		// The organiser's feed has what they organise, drafts excepted.
		const organiserFeed = await renewCalendarFeed(organiser, origin);
		const organised = await feedEvents(organiserFeed.ok ? organiserFeed.value.url : '');
		const organisedUids = organised!.events.map((e) => e.uid);
		expect(organisedUids).toContain(`workshop-${full}@netzwerk.example.de`);
		expect(organisedUids).not.toContain(
			`workshop-${draft.ok && draft.value.id}@netzwerk.example.de`
		);

		// Promoted from the waiting list: now it is a date.
		expect((await answerRsvp(ben, { workshopId: full, answer: 'no' })).ok).toBe(true);
		const promoted = await feedEvents(renewed.value.url);
		expect(promoted!.events.map((e) => e.uid)).toContain(`workshop-${full}@netzwerk.example.de`);
	});

	it('answers an unknown, replaced, ended or malformed link like a missing page', async () => {
		const anna = actor(['alumni'], [cohort1]);
		await storeMembers([anna]);
		const first = await renewCalendarFeed(anna, origin);
		const second = await renewCalendarFeed(anna, origin);
		if (!first.ok || !second.ok) throw new Error('no feed');
		expect(await feedEvents(first.value.url)).toBeNull();
		expect(await feedEvents(second.value.url)).not.toBeNull();

		expect((await endCalendarFeed(anna)).ok).toBe(true);
		expect(await feedEvents(second.value.url)).toBeNull();
		expect(await getCalendarFeed(anna)).toEqual({ active: false, createdAt: null });

		for (const token of ['', 'x', 'a'.repeat(32), '../../etc/passwd', 'A'.repeat(32)])
			expect(await feedCalendar(token, origin)).toMatchObject({
				ok: false,
				failure: { code: 'not_found' }
			});
	});

	it('drops a workshop from a guest’s feed once their access has ended, and a deactivated member’s feed', async () => {
		const supervisor = actor(['supervisor']);
		await storeMembers([supervisor]);
		const past = await published({ title: 'Vorbei' });
		const current = await published({
			title: 'Noch offen',
			startsAt: new Date(Date.now() + 7 * 86_400_000),
			endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000)
		});
		for (const workshopId of [past, current])
			await WorkshopRegistration.create({
				workshopId: new Types.ObjectId(workshopId),
				memberId: new Types.ObjectId(supervisor.id),
				role: 'supervisor',
				answer: 'yes',
				status: 'confirmed'
			});
		// Closed in 2022: the 30 days of guest access are long over.
		await Workshop.updateOne(
			{ _id: past },
			{ $set: { state: 'closed', closedAt: new Date('2022-09-30T12:00:00Z') } }
		);
		const renewed = await renewCalendarFeed(supervisor, origin);
		if (!renewed.ok) throw new Error(renewed.failure.code);
		const feed = await feedEvents(renewed.value.url);
		expect(feed!.events.map((e) => e.uid)).toEqual([`workshop-${current}@netzwerk.example.de`]);

		await Member.updateOne({ _id: supervisor.id }, { $set: { deactivatedAt: new Date() } });
		expect(await feedEvents(renewed.value.url)).toBeNull();
	});
});
