import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { storeWorkshop } from '../../../../tests/support/workshops';
import { readMail, startMailbox, type Mailbox } from '../../../../tests/support/mail';
import { newActor, storeMembers } from '../../../../tests/support/records';
import { Workshop, WorkshopOutcome, WorkshopRegistration } from '../db/models';
import { runDueJobs } from '../jobs';
import type { WorkshopLean } from './access';
import { disclosureFor } from './confidential';
import { addOutcome, defineOutcomeJobs, outcomesOf, removeOutcome } from './outcomes';

/** Outcomes per agenda item on the real database; overdue follow-ups mailed over real SMTP. */
useTestDatabase('workshop_outcomes');
defineOutcomeJobs();

const cohortId = new Types.ObjectId().toString();
const organiser = newActor(['organiser']);
const participant = newActor(['alumni'], [cohortId]);
const outsider = newActor(['alumni'], [cohortId]);
const itemId = new Types.ObjectId().toString();
const dayMs = 24 * 60 * 60 * 1000;
let workshopId: string;
let mailbox: Mailbox;

beforeAll(async () => {
	mailbox = await startMailbox();
	process.env.SMTP_URL = mailbox.url;
	await storeMembers([organiser, participant, outsider]);
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		startsAt: new Date(Date.now() - 3 * dayMs),
		endsAt: new Date(Date.now() - 3 * dayMs + 4 * 60 * 60 * 1000),
		state: 'live',
		agenda: [{ _id: itemId, kind: 'item', title: 'Bedarfe', durationMinutes: 60 }]
	});
	await WorkshopRegistration.create([
		{ workshopId, memberId: organiser.id, role: 'organiser' },
		{ workshopId, memberId: participant.id, role: 'participant', status: 'confirmed' }
	]);
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	await mailbox.close();
});

const followUp = (ownerId: string | null, dueOn: Date | null) => ({
	workshopId,
	itemId,
	kind: 'follow-up' as const,
	text: 'Leitfaden an alle Kommunen schicken',
	ownerId,
	dueOn
});

describe('outcomes per agenda item', () => {
	it('records typed outcomes; a follow-up needs an owner from the roster and a date', async () => {
		const decision = await addOutcome(organiser, {
			workshopId,
			itemId,
			kind: 'decision',
			text: 'Wir treffen uns vierteljährlich.',
			ownerId: null,
			dueOn: null
		});
		expect(decision.ok).toBe(true);
		expect(await addOutcome(organiser, followUp(null, new Date()))).toMatchObject({
			failure: { code: 'invalid', message: 'workshopResults.errors.followUpIncomplete' }
		});
		expect(await addOutcome(organiser, followUp(outsider.id, new Date()))).toMatchObject({
			failure: { code: 'invalid', message: 'workshopResults.errors.ownerNotOnRoster' }
		});
		expect(await addOutcome(participant, followUp(participant.id, new Date()))).toMatchObject({
			failure: { code: 'forbidden' }
		});
		const workshop = (await Workshop.findById(workshopId).lean<WorkshopLean>())!;
		const listed = await outcomesOf(
			workshop,
			await disclosureFor(workshop, { live: false, locale: 'de' })
		);
		expect(listed.map((o) => o.kind)).toEqual(['decision']);
	});

	it('mails the owner of an overdue follow-up once, also when the job runs again', async () => {
		const due = new Date(Date.now() - 2 * dayMs);
		const added = await addOutcome(organiser, followUp(participant.id, due));
		if (!added.ok) throw new Error(added.failure.code);
		await runDueJobs('test');
		await runDueJobs('test');
		const mails = mailbox.received.filter((m) => m.to === `m${participant.id}@example.org`);
		expect(mails).toHaveLength(1);
		const mail = await readMail(mails[0]!.body);
		expect(mail.subject).toBe('Aufgabe überfällig: Agiles Arbeiten');
		expect(mail.text).toContain('Leitfaden an alle Kommunen schicken');
		const stored = await WorkshopOutcome.findById(added.value.id).lean();
		expect(stored?.remindedAt).toBeInstanceOf(Date);
	});

	it('closing the workshop makes outcomes read-only', async () => {
		const added = await addOutcome(
			organiser,
			followUp(participant.id, new Date(Date.now() + dayMs))
		);
		if (!added.ok) throw new Error(added.failure.code);
		await Workshop.updateOne({ _id: workshopId }, { $set: { state: 'closed' } });
		expect(await removeOutcome(organiser, { workshopId, outcomeId: added.value.id })).toMatchObject(
			{ failure: { code: 'forbidden' } }
		);
		await Workshop.updateOne({ _id: workshopId }, { $set: { notesReopened: true } });
		expect(await removeOutcome(organiser, { workshopId, outcomeId: added.value.id })).toEqual({
			ok: true,
			value: null
		});
	});
});
