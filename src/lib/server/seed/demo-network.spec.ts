import { expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import {
	Channel,
	ForumThread,
	Job,
	Member,
	Need,
	NeedDot,
	NeedVote,
	Survey,
	SurveyResponse,
	Workshop,
	WorkshopMaterial,
	WorkshopNoteVersion,
	WorkshopOutcome,
	WorkshopRegistration
} from '../db/models';
import { needsForSummary } from '../workshops/needs-vote';
import type { SurveyLean } from '../workshops/survey';
import { seedDemoNetwork } from './index';

useTestDatabase('demo_network');

it('the demo network has the two transfer workshops of the spec, with their guests', async () => {
	await seedDemoNetwork();
	const [second, third] = await Promise.all([
		Workshop.findOne({ number: 2 }).lean(),
		Workshop.findOne({ number: 3 }).lean()
	]);
	expect(second?.state).toBe('closed');
	expect(third?.state).toBe('published');
	for (const w of [second!, third!])
		expect(
			await Channel.exists({ _id: w.channelId, kind: 'workshop', workshopId: w._id })
		).not.toBeNull();
	expect(await WorkshopMaterial.countDocuments({ workshopId: second!._id })).toBe(3);

	const kts = await Member.findOne({ email: 'kts@netzwerk.example' }).lean();
	expect(kts?.roles).toEqual(['observer']);
	const rosterOf = async (workshopId: unknown) =>
		WorkshopRegistration.find({ workshopId }, { role: 1, status: 1, tandemOf: 1 }).lean();
	const upcoming = await rosterOf(third!._id);
	expect(upcoming.filter((r) => r.role === 'observer')).toHaveLength(1);
	expect(upcoming.filter((r) => r.role === 'supervisor' && r.tandemOf)).toHaveLength(1);
	expect(upcoming.filter((r) => r.status === 'waitlisted')).toHaveLength(2);
}, 120_000);

it('the 2. workshop left notes, outcomes, answers, ranked needs and its summary; the 3. asks', async () => {
	await seedDemoNetwork();
	const [second, third] = await Promise.all([
		Workshop.findOne({ number: 2 }).lean(),
		Workshop.findOne({ number: 3 }).lean()
	]);
	const of = { workshopId: second!._id };
	expect(await WorkshopNoteVersion.countDocuments(of)).toBe(6);
	const outcomes = await WorkshopOutcome.find(of).lean();
	expect(outcomes.map((o) => o.kind).sort()).toEqual(['decision', 'follow-up', 'information']);
	// The follow-up is long past due and already handled: nothing would mail its owner.
	const followUp = outcomes.find((o) => o.kind === 'follow-up')!;
	expect(followUp.dueOn!.getTime()).toBeLessThan(Date.now());
	expect(followUp.remindedAt).not.toBeNull();
	expect(await Job.countDocuments({ kind: 'workshop-follow-up-overdue' })).toBe(0);

	const survey = await Survey.findOne(of).lean();
	expect(survey).toMatchObject({ state: 'closed', mode: 'municipality' });
	const responses = await SurveyResponse.find({ surveyId: survey!._id }).lean();
	expect(responses).toHaveLength(6);
	expect(responses.filter((r) => r.memberIds.length === 2)).toHaveLength(2);
	expect(new Set(responses.map((r) => r.municipalityId!.toString())).size).toBe(6);

	expect(await NeedVote.findOne(of).lean()).toMatchObject({ state: 'closed' });
	expect(await Need.countDocuments(of)).toBe(6);
	expect(await NeedDot.countDocuments(of)).toBe(40);
	const ranking = (await needsForSummary(second!._id)).map((n) => n.ranked!);
	expect(ranking.map((r) => [r.rank, r.total, r.tied])).toEqual([
		[1, 9, false],
		[2, 8, false],
		[3, 6, true],
		[3, 6, true],
		[3, 6, true],
		[6, 5, false]
	]);
	expect(ranking[0]!.supervisors).toBeGreaterThan(0);

	const thread = await ForumThread.findById(second!.summaryThreadId).lean();
	expect(thread?.fromWorkshop?.id.toString()).toBe(second!._id.toString());
	expect(thread?.title).toMatch(/^Zusammenfassung: 2\. Transfer-Workshop/);
	expect(await ForumThread.exists({ title: 'Nachlese zum 2. Transfer-Workshop' })).not.toBeNull();

	const upcoming = await Survey.findOne({ workshopId: third!._id }).lean<SurveyLean>();
	expect(upcoming?.state).toBe('open');
	expect(upcoming!.questions.map((q) => q.kind)).toContain('municipality');
	expect(new Set(upcoming!.questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(4);
}, 120_000);

it('seeding the demo network again adds nothing', async () => {
	await seedDemoNetwork();
	const models = [
		Member,
		Workshop,
		WorkshopRegistration,
		WorkshopNoteVersion,
		WorkshopOutcome,
		Survey,
		SurveyResponse,
		Need,
		NeedVote,
		NeedDot,
		ForumThread
	] as const;
	const count = () =>
		Promise.all(models.map((m) => (m as typeof Member).countDocuments({}) as Promise<number>));
	const before = await count();
	await seedDemoNetwork();
	expect(await count()).toEqual(before);
}, 180_000);
