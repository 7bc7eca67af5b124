import { Types } from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { newActor, storeMembers } from '../../../../tests/support/records';
import { refusalOf, valueOf } from '../../../../tests/support/result';
import { storeWorkshop } from '../../../../tests/support/workshops';
import type { Actor } from '../auth/permissions';
import { AuditEntry, NeedDot, NeedVote, WorkshopRegistration } from '../db/models';
import { createNeed, mergeNeeds } from './needs';
import { castDot, closeVote, getNeedsPage, openVote } from './needs-vote';
import { rankedNeedsForSummary } from './summary-needs';

useTestDatabase('needs_vote');

const cohortId = new Types.ObjectId().toString();
const organiser = newActor(['organiser']);
const anna = newActor(['alumni'], [cohortId]);
const jonas = newActor(['alumni'], [cohortId]);
const petra = newActor(['supervisor']);
const olaf = newActor(['supervisor']);
/** In the audience, not on the roster: sees the cards, does not vote. */
const outsider = newActor(['alumni'], [cohortId]);
let workshopId: string;
let cards: string[];

async function rosterOf(id: string, entries: [Actor, string][]) {
	await WorkshopRegistration.create(
		entries.map(([a, role]) => ({
			workshopId: id,
			memberId: a.id,
			role,
			status: role === 'observer' ? 'none' : 'confirmed',
			answer: role === 'observer' ? null : 'yes'
		}))
	);
}

const card = async (title: string, id = workshopId) =>
	valueOf(
		await createNeed(organiser, {
			workshopId: id,
			title,
			descriptionSource: '',
			municipality: 'mehrere',
			topic: 'Digitalisierung',
			sourceKind: 'manual',
			questionId: null,
			responseId: null,
			itemId: null
		})
	).id;

const dot = (who: Actor, needId: string, by = 1, id = workshopId) =>
	castDot(who, { workshopId: id, needId, by });

beforeAll(async () => {
	await storeMembers([organiser, anna, jonas, petra, olaf, outsider]);
	workshopId = await storeWorkshop(organiser.id, cohortId, { state: 'live' });
	await rosterOf(workshopId, [
		[organiser, 'organiser'],
		[anna, 'participant'],
		[jonas, 'participant'],
		[petra, 'supervisor'],
		[olaf, 'observer']
	]);
	cards = [await card('Breitband'), await card('Personal'), await card('Förderlotsen')];
});

beforeEach(async () => {
	await NeedDot.deleteMany({});
	await NeedVote.deleteMany({});
});

const open = (dotsPerVoter = 5, maxPerCard = 3) =>
	openVote(organiser, { workshopId, dotsPerVoter, maxPerCard });

/** Every key anywhere in a value as the browser would receive it (JSON of the load data). */
const serialised = (value: unknown) => JSON.stringify(value);

describe('dot vote', () => {
	it('refuses more than N dots in total and more than the maximum per card', async () => {
		valueOf(await open(4, 2));
		expect(valueOf(await dot(anna, cards[0]!))).toEqual({
			needId: cards[0],
			mine: 1,
			dotsLeft: 3
		});
		valueOf(await dot(anna, cards[0]!));
		expect(refusalOf(await dot(anna, cards[0]!))).toBe('needs.errors.cardFull');
		valueOf(await dot(anna, cards[1]!));
		valueOf(await dot(anna, cards[2]!));
		expect(refusalOf(await dot(anna, cards[2]!))).toBe('needs.errors.noDotsLeft');
		expect(await NeedDot.countDocuments({ voterId: anna.id })).toBe(4);
		// Taking one back frees it for another card.
		expect(valueOf(await dot(anna, cards[0]!, -1))).toMatchObject({ mine: 1, dotsLeft: 1 });
		expect(valueOf(await dot(anna, cards[2]!))).toMatchObject({ mine: 2, dotsLeft: 0 });
		// Taking back where there is none changes nothing.
		valueOf(await dot(jonas, cards[0]!, -1));
		expect(await NeedDot.countDocuments({ voterId: jonas.id })).toBe(0);
	});

	it('holds both limits under parallel requests', async () => {
		valueOf(await open(5, 3));
		const onOneCard = await Promise.all(Array.from({ length: 8 }, () => dot(anna, cards[0]!)));
		expect(onOneCard.filter((r) => r.ok)).toHaveLength(3);
		expect(onOneCard.filter((r) => !r.ok).map(refusalOf)).toEqual(
			Array(5).fill('needs.errors.cardFull')
		);
		const spread = await Promise.all(
			Array.from({ length: 12 }, (_, i) => dot(jonas, cards[i % 3]!))
		);
		expect(spread.filter((r) => r.ok)).toHaveLength(5);
		expect(await NeedDot.countDocuments({ voterId: anna.id })).toBe(3);
		expect(await NeedDot.countDocuments({ voterId: jonas.id })).toBe(5);
		for (const needId of cards)
			expect(await NeedDot.countDocuments({ voterId: jonas.id, needId })).toBeLessThanOrEqual(3);
	});

	it('lets only the roster’s alumni and supervisors vote, and only while it is open', async () => {
		expect(refusalOf(await dot(anna, cards[0]!))).toBe('needs.errors.voteNotOpen');
		valueOf(await open());
		expect(refusalOf(await dot(olaf, cards[0]!))).toBe('errors.forbidden');
		expect(refusalOf(await dot(outsider, cards[0]!))).toBe('errors.forbidden');
		expect(refusalOf(await dot(organiser, cards[0]!))).toBe('errors.forbidden');
		expect(valueOf(await dot(petra, cards[0]!)).mine).toBe(1);
		expect(refusalOf(await dot(anna, new Types.ObjectId().toString()))).toBe('errors.notFound');
		// Someone who declined meanwhile is refused at their next dot.
		await WorkshopRegistration.updateOne({ workshopId, memberId: jonas.id }, { answer: 'no' });
		expect(refusalOf(await dot(jonas, cards[0]!))).toBe('errors.forbidden');
		await WorkshopRegistration.updateOne({ workshopId, memberId: jonas.id }, { answer: 'yes' });
		valueOf(await closeVote(organiser, { workshopId }));
		expect(refusalOf(await dot(anna, cards[0]!))).toBe('needs.errors.voteNotOpen');
		expect(refusalOf(await closeVote(organiser, { workshopId }))).toBe('needs.errors.voteNotOpen');
		expect(refusalOf(await openVote(anna, { workshopId, dotsPerVoter: 5, maxPerCard: 3 }))).toBe(
			'errors.forbidden'
		);
	});

	it('refuses a guest whose access ended, although the vote is still open', async () => {
		const closedId = await storeWorkshop(organiser.id, cohortId, {
			state: 'closed',
			closedAt: new Date(Date.now() - 40 * 24 * 60 * 60 * 1000),
			guestAccessDays: 30
		});
		await rosterOf(closedId, [
			[anna, 'participant'],
			[petra, 'supervisor']
		]);
		const needId = await card('Nachnutzung', closedId);
		valueOf(await openVote(organiser, { workshopId: closedId, dotsPerVoter: 5, maxPerCard: 3 }));
		expect(refusalOf(await dot(petra, needId, 1, closedId))).toBe('errors.notFound');
		expect(valueOf(await dot(anna, needId, 1, closedId)).mine).toBe(1);
		const page = valueOf(await getNeedsPage(organiser, closedId));
		// The guest no longer counts among those who may vote.
		expect(page.vote.progress).toEqual({ voted: 1, voters: 1 });
	});

	it('sends no totals to anyone while open; after closing a ranking with ties and the split', async () => {
		valueOf(await open(5, 3));
		for (const [who, needId, n] of [
			[anna, cards[0]!, 3],
			[jonas, cards[0]!, 1],
			[jonas, cards[1]!, 3],
			[petra, cards[1]!, 1],
			[petra, cards[2]!, 2]
		] as const)
			for (let i = 0; i < n; i++) valueOf(await dot(who, needId));
		// Before closing, the summary lists the cards without dots.
		expect((await rankedNeedsForSummary(workshopId)).map((n) => n.dots)).toEqual([0, 0, 0]);
		for (const who of [organiser, anna, petra, outsider]) {
			const page = valueOf(await getNeedsPage(who, workshopId));
			expect(page.vote.results).toBeNull();
			const json = serialised(page);
			for (const key of ['"total"', '"alumni"', '"supervisors"', '"rank"', '"tied"'])
				expect(json).not.toContain(key);
		}
		const organiserPage = valueOf(await getNeedsPage(organiser, workshopId));
		expect(organiserPage.vote.progress).toEqual({ voted: 3, voters: 3 });
		expect(organiserPage.vote.mine).toEqual({});
		const annaPage = valueOf(await getNeedsPage(anna, workshopId));
		expect(annaPage.vote).toMatchObject({ mine: { [cards[0]!]: 3 }, dotsLeft: 2, mayVote: true });
		expect(annaPage.vote.progress).toBeNull();
		// A dot's answer tells the voter their own count only.
		expect(Object.keys(valueOf(await dot(anna, cards[2]!))).sort()).toEqual([
			'dotsLeft',
			'mine',
			'needId'
		]);
		valueOf(await dot(anna, cards[2]!, -1));

		valueOf(await closeVote(organiser, { workshopId }));
		const results = valueOf(await getNeedsPage(anna, workshopId)).vote.results!;
		expect(results).toEqual([
			expect.objectContaining({ title: 'Breitband', rank: 1, tied: true, total: 4, alumni: 4 }),
			expect.objectContaining({
				title: 'Personal',
				rank: 1,
				tied: true,
				alumni: 3,
				supervisors: 1
			}),
			expect.objectContaining({ title: 'Förderlotsen', rank: 3, tied: false, supervisors: 2 })
		]);
		// The forum summary and the follow-up workshop take the same ranking.
		expect(await rankedNeedsForSummary(workshopId)).toEqual([
			expect.objectContaining({ title: 'Breitband', dots: 4, tie: true, municipality: 'mehrere' }),
			expect.objectContaining({ title: 'Personal', dots: 4, tie: true }),
			expect.objectContaining({ title: 'Förderlotsen', dots: 2, tie: false })
		]);
		const audit = await AuditEntry.find({ targetId: workshopId }).sort({ _id: 1 }).lean();
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['need.vote-open', 'need.vote-close'])
		);
	});

	it('reopens with its dots and limits (audited); merging is refused once the vote opened', async () => {
		valueOf(await open(2, 2));
		valueOf(await dot(anna, cards[0]!));
		valueOf(await closeVote(organiser, { workshopId }));
		valueOf(await openVote(organiser, { workshopId, dotsPerVoter: 9, maxPerCard: 9 }));
		expect(valueOf(await getNeedsPage(anna, workshopId)).vote).toMatchObject({
			state: 'open',
			dotsPerVoter: 2,
			dotsLeft: 1
		});
		expect(await AuditEntry.countDocuments({ action: 'need.vote-reopen' })).toBe(1);
		expect(refusalOf(await open())).toBe('needs.errors.voteAlreadyOpen');
		expect(
			refusalOf(await mergeNeeds(organiser, { workshopId, needId: cards[0]!, otherId: cards[1]! }))
		).toBe('needs.errors.mergeAfterVote');
	});
});
