import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { parseCalendar } from '../../../../tests/support/ical';
import { readMail, startMailbox, tokenFrom, type Mailbox } from '../../../../tests/support/mail';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import { zonedToInstant } from '$lib/time-zone';
import type { Actor } from '../auth/permissions';
import { Member, RsvpLink } from '../db/models';
import { runDueJobs } from '../jobs';
import {
	answerRsvp,
	changeWorkshopState,
	startWorkshops,
	updateWorkshop,
	type WorkshopInput
} from './index';
import { answerByRsvpLink } from './rsvp-links';

/**
 * Workshop mails as they arrive at a real SMTP server on loopback: in the recipient's language,
 * plain text and HTML, the event for the calendar, and the one-click answer links.
 */
useTestDatabase('workshop_mail');
const origin = 'http://netzwerk.test';
startWorkshops({ origin });

const berlin = 'Europe/Berlin';
let mailbox: Mailbox;
let cohort: string;
const organiser = newActor(['organiser']);
let anna: Actor;
let emma: Actor;
const emailOf = (a: Actor) => `m${a.id}@example.org`;

const input = (overrides: Partial<WorkshopInput> = {}) =>
	workshopInput(cohort, {
		startsAt: zonedToInstant('2033-09-29', '10:00', berlin),
		endsAt: zonedToInstant('2033-09-29', '15:30', berlin),
		registrationDeadline: zonedToInstant('2033-09-22', '18:00', berlin),
		...overrides
	});

/** Runs the due mail jobs (at `now`, then what they queued) and reads what arrived. */
async function deliver(now = new Date()) {
	const before = mailbox.received.length;
	await runDueJobs('test', now);
	await runDueJobs('test');
	return Promise.all(
		mailbox.received
			.slice(before)
			.map(async (m) => ({ to: m.to, raw: m.body, ...(await readMail(m.body)) }))
	);
}
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

beforeAll(async () => {
	mailbox = await startMailbox();
	process.env.SMTP_URL = mailbox.url;
	cohort = await createCohort('Durchgang 1', 'd1');
	anna = newActor(['alumni'], [cohort]);
	emma = newActor(['alumni'], [cohort]);
	await storeMembers([organiser, anna, emma]);
	await Member.updateOne({ _id: emma.id }, { $set: { locale: 'en' } });
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	await mailbox.close();
});

describe('workshop mails', () => {
	let id: string;

	it('invites in the member language, with the event and the one-click answers', async () => {
		id = await publishWorkshop(organiser, input());
		const mails = await deliver();
		expect(mails.map((m) => m.to).sort()).toEqual([emailOf(anna), emailOf(emma)].sort());

		const de = mails.find((m) => m.to === emailOf(anna))!;
		expect(de.subject).toBe('Einladung: 2. Transfer-Workshop: Die Rolle in der Verwaltung');
		expect(de.text).toContain('am Donnerstag, 29. September 2033, 10:00 Uhr eingeladen');
		expect(de.text).toMatch(/Ja, ich nehme teil: http:\/\/netzwerk\.test\/rsvp\/[a-z2-7]{32}\n/);
		expect(de.text).toMatch(/Vielleicht: http:\/\/netzwerk\.test\/rsvp\/[a-z2-7]{32}\n/);
		expect(de.text).toMatch(/Nein, ich kann nicht: http:\/\/netzwerk\.test\/rsvp\/[a-z2-7]{32}\n/);
		expect(de.text).toContain(`${origin}/workshops/${id}`);
		// The HTML part: the three answers and the workshop page as buttons, nothing else linked.
		const hrefs = [...de.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		expect(hrefs).toHaveLength(4);
		expect(hrefs.filter((h) => h!.startsWith(`${origin}/rsvp/`))).toHaveLength(3);
		expect(de.html).toContain('>Vielleicht</a>');

		expect(de.calendar?.method).toBe('REQUEST');
		expect(de.icsAttachment).toBe(de.calendar!.content);
		const calendar = parseCalendar(de.calendar!.content);
		expect(calendar.method).toBe('REQUEST');
		const [event] = calendar.events;
		expect(event!.start.toISOString()).toBe('2033-09-29T08:00:00.000Z');
		expect(event!.startZone).toBe(berlin);
		expect(event!.attendees).toEqual([`MAILTO:${emailOf(anna)}`]);
		expect(event!.sequence).toBe(0);

		const en = mails.find((m) => m.to === emailOf(emma))!;
		expect(en.subject).toBe('Invitation: Transfer workshop no. 2: Die Rolle in der Verwaltung');
		expect(en.text).toContain('on Thursday, 29 September 2033, 10:00.');
		expect(en.text).toContain('Yes, I will attend: http://netzwerk.test/rsvp/');
		expect(en.html).toContain('>Maybe</a>');

		// Three live links per mail, and the one from the mail answers.
		expect(await RsvpLink.countDocuments({ workshopId: id })).toBe(6);
		const yes = tokenFrom(de.text.split('Ja, ich nehme teil: ')[1]!, '/rsvp');
		expect(await answerByRsvpLink(yes, 'de')).toMatchObject({
			value: { registration: { status: 'confirmed' } }
		});
	});

	it('sends a change once, with the updated event (SEQUENCE raised) for the calendar', async () => {
		await updateWorkshop(organiser, {
			...input({ startsAt: zonedToInstant('2033-09-29', '11:00', berlin) }),
			id
		});
		await updateWorkshop(organiser, {
			...input({ startsAt: zonedToInstant('2033-09-29', '11:00', berlin), title: 'Neu' }),
			id
		});
		// Debounced: nothing yet, then one mail to the roster (only Anna answered).
		expect(await deliver()).toEqual([]);
		const [changed, ...more] = await deliver(minutes(11));
		expect(more).toEqual([]);
		expect(changed!.to).toBe(emailOf(anna));
		expect(changed!.subject).toBe('Geändert: 2. Transfer-Workshop: Neu');
		expect(changed!.text).toContain('Donnerstag, 29. September 2033, 11:00 Uhr');
		expect(changed!.text).not.toContain('/rsvp/');
		expect(changed!.calendar?.method).toBe('REQUEST');
		const [event] = parseCalendar(changed!.calendar!.content).events;
		expect(event!.sequence).toBe(2);
		expect(event!.start.toISOString()).toBe('2033-09-29T09:00:00.000Z');
	});

	it('asks those who have not answered again, with new links, while registration is open', async () => {
		// Due 3 days before the deadline (22 September): Emma has not answered, Anna has.
		const [reminder, ...more] = await deliver(zonedToInstant('2033-09-19', '19:00', berlin));
		expect(more).toEqual([]);
		expect(reminder!.to).toBe(emailOf(emma));
		expect(reminder!.subject).toBe('No answer yet: Transfer workshop no. 2: Neu');
		expect(reminder!.text).toContain('No, I cannot attend: http://netzwerk.test/rsvp/');
		expect(reminder!.calendar).toBeNull();
	});

	it('cancels the event in the calendar with METHOD:CANCEL', async () => {
		expect((await answerRsvp(emma, { workshopId: id, answer: 'maybe' })).ok).toBe(true);
		expect((await changeWorkshopState(organiser, { id, to: 'cancelled' })).ok).toBe(true);
		const mails = await deliver();
		expect(mails.map((m) => m.to).sort()).toEqual([emailOf(anna), emailOf(emma)].sort());
		const de = mails.find((m) => m.to === emailOf(anna))!;
		expect(de.subject).toBe('Abgesagt: 2. Transfer-Workshop: Neu');
		expect(de.calendar?.method).toBe('CANCEL');
		const calendar = parseCalendar(de.calendar!.content);
		expect(calendar.method).toBe('CANCEL');
		expect(calendar.events[0]!.status).toBe('CANCELLED');
		expect(calendar.events[0]!.sequence).toBe(3);
		expect(await RsvpLink.countDocuments({ workshopId: id })).toBe(0);
	});
});
