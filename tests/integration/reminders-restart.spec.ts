import mongoose, { trusted } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, Workshop, WorkshopRegistration } from '../../src/lib/server/db/models';
import { addOutcome } from '../../src/lib/server/workshops';
import { planReminders } from '../../src/lib/server/workshops/mail';
import { startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { readMail, startMailbox, type Mailbox } from '../support/mail';
import { valueOf } from '../support/result';
import { newActor, storeMembers } from '../support/records';
import { storeWorkshop } from '../support/workshops';

/**
 * The workshop's durable mail jobs across a restart of the built server, on one database and a
 * real SMTP server on loopback: what was sent before the restart is never sent again, and what
 * fell due while the app was down is sent once after it.
 */
const dbName = `reminders_restart_${Date.now()}`;
const cohortId = new mongoose.Types.ObjectId().toString();
const organiser = newActor(['organiser']);
const participant = newActor(['alumni'], [cohortId]);
const owner = newActor(['alumni'], [cohortId]);
const emailOf = (a: { id: string }) => `m${a.id}@example.org`;
const itemId = new mongoose.Types.ObjectId().toString();
const dayMs = 24 * 60 * 60 * 1000;
/** The app's job runner polls every 5 s. */
const runnerRoundMs = 5000;
let mailbox: Mailbox;
/** Held three days ago; its follow-ups are written now. */
let pastWorkshopId: string;

beforeAll(async () => {
	mailbox = await startMailbox();
	await mongoose.connect(databaseUri(dbName));
	await storeMembers([organiser, participant, owner]);
	pastWorkshopId = await storeWorkshop(organiser.id, cohortId, {
		title: 'Rückblick',
		state: 'live',
		startsAt: new Date(Date.now() - 3 * dayMs),
		endsAt: new Date(Date.now() - 3 * dayMs + 4 * 60 * 60 * 1000),
		agenda: [{ _id: itemId, kind: 'item', title: 'Bedarfe', durationMinutes: 60 }]
	});
	// The day-before reminder of the next one falls due a few seconds from now.
	const nextWorkshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'published',
		startsAt: new Date(Date.now() + dayMs + 3000),
		endsAt: new Date(Date.now() + dayMs + 4 * 60 * 60 * 1000)
	});
	for (const workshopId of [pastWorkshopId, nextWorkshopId])
		await WorkshopRegistration.create([
			{ workshopId, memberId: organiser.id, role: 'organiser' },
			{ workshopId, memberId: participant.id, role: 'participant', status: 'confirmed' },
			{ workshopId, memberId: owner.id, role: 'participant', status: 'confirmed' }
		]);
	await planReminders((await Workshop.findById(nextWorkshopId).lean())!);
});

afterAll(async () => {
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
	await mailbox?.close();
});

/** A follow-up of the owner that was due yesterday: its reminder is due now. */
async function overdueFollowUp(text: string) {
	valueOf(
		await addOutcome(organiser, {
			workshopId: pastWorkshopId,
			itemId,
			kind: 'follow-up',
			text,
			ownerId: owner.id,
			dueOn: new Date(Date.now() - 2 * dayMs)
		})
	);
}

/** How many mails to the member mention the text, read as a mail program would. */
async function mailsTo(member: { id: string }, mentioning: string): Promise<number> {
	const mine = mailbox.received.filter((m) => m.to === emailOf(member));
	const read = await Promise.all(mine.map((m) => readMail(m.body)));
	return read.filter((m) => `${m.subject}\n${m.text}`.includes(mentioning)).length;
}

/** Waits for the expected mails, then until no job is due, then one more runner round. */
async function sent(expected: [member: { id: string }, mentioning: string][]) {
	for (const [member, mentioning] of expected)
		await expect.poll(() => mailsTo(member, mentioning), { timeout: 60_000 }).toBeGreaterThan(0);
	const due = () => Job.countDocuments({ state: 'pending', runAt: trusted({ $lte: new Date() }) });
	await expect.poll(due, { timeout: 60_000 }).toBe(0);
	// Room for a wrong second send.
	await new Promise((r) => setTimeout(r, runnerRoundMs + 1000));
}

async function appOnTheDatabase(): Promise<RunningApp> {
	return startApp({ MONGODB_URI: databaseUri(dbName), SMTP_URL: mailbox.url, SEED_DEMO: 'never' });
}

describe('workshop mail jobs across a restart', () => {
	it('sends each reminder once, before and after the app restarts', async () => {
		await overdueFollowUp('Leitfaden verschicken');
		const first = await appOnTheDatabase();
		try {
			// The day-before reminder reaches everyone confirmed; the follow-up its owner.
			await sent([
				[participant, 'Erinnerung: Agiles Arbeiten'],
				[owner, 'Leitfaden verschicken']
			]);
			expect(await mailsTo(participant, 'Erinnerung: Agiles Arbeiten')).toBe(1);
			expect(await mailsTo(owner, 'Leitfaden verschicken')).toBe(1);
		} finally {
			await first.stop();
		}

		// Falls due while no app runs.
		await overdueFollowUp('Stellenprofil abstimmen');
		const second = await appOnTheDatabase();
		try {
			await sent([[owner, 'Stellenprofil abstimmen']]);
		} finally {
			await second.stop();
		}
		expect(await mailsTo(owner, 'Stellenprofil abstimmen')).toBe(1);
		expect(await mailsTo(owner, 'Leitfaden verschicken')).toBe(1);
		// The owner is on the roster too: one day-before reminder, none again after the restart.
		expect(await mailsTo(owner, 'Erinnerung: Agiles Arbeiten')).toBe(1);
		expect(await mailsTo(participant, 'Erinnerung: Agiles Arbeiten')).toBe(1);
		expect(await Job.countDocuments({ state: trusted({ $ne: 'done' }) })).toBe(0);
	});
});
