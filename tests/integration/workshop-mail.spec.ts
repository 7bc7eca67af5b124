import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member, Workshop, WorkshopRegistration } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { createWorkshop } from '../../src/lib/server/workshops';
import { zonedToInstant } from '../../src/lib/time-zone';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { parseCalendar } from '../support/ical';
import { readMail, startMailbox, tokenFrom, type Mailbox, type ReadMail } from '../support/mail';
import { valueOf } from '../support/result';
import { createCohort, newActor, storeMembers } from '../support/records';
import { workshopInput } from '../support/workshops';

/**
 * Workshop invitations end to end: the built server publishes, its job runner sends over a real
 * SMTP server on loopback, and the one-click answer links are used without any cookie.
 */
let app: RunningApp;
let mailbox: Mailbox;
let organiserCookie: string;
let workshopId: string;
const berlin = 'Europe/Berlin';
const anna = newActor(['alumni']);
const ben = newActor(['alumni']);
const emailOf = (a: { id: string }) => `m${a.id}@example.org`;
const dbName = `wsmail_${Date.now()}`;

beforeAll(async () => {
	mailbox = await startMailbox();
	app = await startApp({
		MONGODB_URI: databaseUri(dbName),
		SEED_DEMO: 'always',
		SMTP_URL: mailbox.url
	});
	await mongoose.connect(databaseUri(dbName));
	organiserCookie = await login(app, 'organisation@netzwerk.example', demoPassword);

	// A cohort of its own with two alumni, so the invitations of this test are countable.
	const cohort = await createCohort('Durchgang Mailtest', 'mailtest');
	for (const member of [anna, ben]) member.cohortIds = [cohort];
	await storeMembers([anna, ben]);
	await Member.updateOne({ _id: ben.id }, { $set: { locale: 'en' } });
	const organiser = (await Member.findOne({ email: 'organisation@netzwerk.example' }).lean())!;
	workshopId = valueOf(
		await createWorkshop(
			{ id: organiser._id.toString(), roles: organiser.roles, cohortIds: [] },
			workshopInput(cohort, {
				startsAt: zonedToInstant('2033-09-29', '10:00', berlin),
				endsAt: zonedToInstant('2033-09-29', '15:30', berlin),
				registrationDeadline: zonedToInstant('2033-09-22', '18:00', berlin),
				capacity: 10
			})
		)
	).id;
});

afterAll(async () => {
	await mongoose.disconnect();
	await app?.stop();
	await mailbox?.close();
});

/** The mail to this address, once the app's job runner (every 5 s) has sent it. */
async function mailTo(email: string): Promise<ReadMail & { raw: string }> {
	const deadline = Date.now() + 30_000;
	for (;;) {
		const found = mailbox.received.find((m) => m.to === email);
		if (found) return { raw: found.body, ...(await readMail(found.body)) };
		if (Date.now() > deadline) throw new Error(`no mail to ${email}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

const get = (path: string) => fetch(app.url + path, { redirect: 'manual' });
const answer = (token: string) => postForm(app, `/rsvp/${token}`, {});
const answerLink = (mail: ReadMail, label: string) =>
	tokenFrom(mail.text.split(`${label}: `)[1]!, '/rsvp');
const registrations = (memberId: string) =>
	WorkshopRegistration.countDocuments({ workshopId, memberId });
const neutral = 'Dieser Link kann nicht verwendet werden.';

describe('invitation mails from the built server', () => {
	let annas: ReadMail & { raw: string };

	it('carry the workshop as a calendar invitation (METHOD:REQUEST)', async () => {
		const published = await postForm(
			app,
			`/workshops/${workshopId}?/state`,
			{ to: 'published' },
			{ cookie: organiserCookie }
		);
		expect(published.status).toBe(200);

		annas = await mailTo(emailOf(anna));
		expect(annas.subject).toBe('Einladung: 2. Transfer-Workshop: Die Rolle in der Verwaltung');
		expect(annas.text).toContain('am Donnerstag, 29. September 2033, 10:00 Uhr');
		expect(annas.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
		expect(annas.calendar?.method).toBe('REQUEST');
		const calendar = parseCalendar(annas.calendar!.content);
		expect(calendar.method).toBe('REQUEST');
		expect(calendar.events).toHaveLength(1);
		const [event] = calendar.events;
		expect(event!.startZone).toBe(berlin);
		expect(event!.start.toISOString()).toBe('2033-09-29T08:00:00.000Z');
		expect(event!.uid).toBe(`workshop-${workshopId}@127.0.0.1`);
		for (const zone of calendar.usedZones) expect(calendar.timezones).toContain(zone);

		const bens = await mailTo(emailOf(ben));
		expect(bens.text).toContain('on Thursday, 29 September 2033, 10:00');
		expect(bens.text).toContain('Yes, I will attend: ');
	});

	it('answer with one click and without a cookie: shown first, registered exactly once', async () => {
		const yes = answerLink(annas, 'Ja, ich nehme teil');
		// Opening the link (as a mail scanner would, twice) answers nothing.
		for (let i = 0; i < 2; i++) {
			const page = await get(`/rsvp/${yes}`);
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toContain('Antwort senden');
			expect(html).toContain('Ja, ich nehme teil.');
		}
		expect(await registrations(anna.id)).toBe(0);

		const answered = await answer(yes);
		expect(answered.status).toBe(200);
		expect(await answered.text()).toContain('Danke! Sie sind angemeldet.');
		// Nobody is signed in by the link.
		expect(answered.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(false);
		expect(
			await WorkshopRegistration.findOne({ workshopId, memberId: anna.id }).lean()
		).toMatchObject({ answer: 'yes', status: 'confirmed' });

		const again = await answer(yes);
		expect(again.status).toBe(410);
		expect(await again.text()).toContain(neutral);
		expect(await (await get(`/rsvp/${yes}`)).text()).toContain(neutral);
		expect(await registrations(anna.id)).toBe(1);
	});

	it('refuse a tampered token and a link after the deadline, neutrally', async () => {
		const maybe = answerLink(annas, 'Vielleicht');
		const tampered = maybe.slice(0, -1) + (maybe.endsWith('a') ? 'b' : 'a');
		expect(await (await get(`/rsvp/${tampered}`)).text()).toContain(neutral);
		const refused = await answer(tampered);
		expect(refused.status).toBe(410);
		expect(await refused.text()).toContain(neutral);

		const bensYes = answerLink(await mailTo(emailOf(ben)), 'Yes, I will attend');
		// The deadline passes.
		await Workshop.updateOne(
			{ _id: workshopId },
			{ $set: { registrationDeadline: new Date(Date.now() - 60_000) } }
		);
		expect(await (await get(`/rsvp/${bensYes}`)).text()).toContain(neutral);
		expect((await answer(bensYes)).status).toBe(410);
		expect(await registrations(ben.id)).toBe(0);
		expect(
			await WorkshopRegistration.findOne({ workshopId, memberId: anna.id }).lean()
		).toMatchObject({ answer: 'yes', status: 'confirmed' });
	});
});
