import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import { zonedToInstant } from '$lib/time-zone';
import { hashToken } from '../auth/tokens';
import { Member, RsvpLink, Workshop, WorkshopRegistration } from '../db/models';
import type { Actor } from '../auth/permissions';
import type { WorkshopLean } from './access';
import { changeWorkshopState, startWorkshops, updateWorkshop, type WorkshopInput } from './index';
import { myRegistration } from './registration';
import { answerByRsvpLink, issueRsvpLinks, reviewRsvpLink, type RsvpTokens } from './rsvp-links';
import { seatsTaken } from './seats';

useTestDatabase('workshop_rsvp_links');
// The lifecycle listeners move and end links with the workshop.
startWorkshops({ origin: 'http://netzwerk.test' });

const berlin = 'Europe/Berlin';
let cohort: string;
const organiser = newActor(['organiser']);
let anna: Actor;
let ben: Actor;

const deadline = zonedToInstant('2033-09-22', '18:00', berlin);
const input = (overrides: Partial<WorkshopInput> = {}) =>
	workshopInput(cohort, {
		startsAt: zonedToInstant('2033-09-29', '10:00', berlin),
		endsAt: zonedToInstant('2033-09-29', '15:30', berlin),
		registrationDeadline: deadline,
		capacity: 1,
		...overrides
	});
const load = async (id: string) => (await Workshop.findById(id).lean<WorkshopLean>())!;

async function publishedWithLinks(
	who: Actor = anna,
	overrides: Partial<WorkshopInput> = {}
): Promise<{ id: string; tokens: RsvpTokens }> {
	const id = await publishWorkshop(organiser, input(overrides));
	const tokens = await issueRsvpLinks(await load(id), who.id);
	if (!tokens) throw new Error('no links issued');
	return { id, tokens };
}

const neutral = {
	ok: false,
	failure: { code: 'not_found', message: 'workshops.rsvpLink.invalid' }
};
const tamper = (token: string) => token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');

beforeAll(async () => {
	cohort = await createCohort('Durchgang 1', 'd1');
	anna = newActor(['alumni'], [cohort]);
	ben = newActor(['alumni'], [cohort]);
	await storeMembers([organiser, anna, ben]);
});

describe('one-click answer links', () => {
	it('stores only hashes, and opening a link shows its answer without changing anything', async () => {
		const { id, tokens } = await publishedWithLinks();
		const stored = await RsvpLink.find({ workshopId: id }).lean();
		expect(stored.map((l) => l._id).sort()).toEqual(Object.values(tokens).map(hashToken).sort());
		expect(stored.every((l) => l.expiresAt.getTime() === deadline.getTime())).toBe(true);

		for (let i = 0; i < 2; i++)
			expect(await reviewRsvpLink(tokens.yes, 'de')).toEqual({
				ok: true,
				value: {
					workshopName: '2. Transfer-Workshop: Die Rolle in der Verwaltung',
					when: 'Donnerstag, 29. September 2033, 10:00 Uhr',
					answer: 'yes'
				}
			});
		expect(await reviewRsvpLink(tokens.no, 'en')).toMatchObject({
			value: { when: 'Thursday, 29 September 2033, 10:00', answer: 'no' }
		});
		expect(await WorkshopRegistration.countDocuments({ workshopId: id, memberId: anna.id })).toBe(
			0
		);
	});

	it('answers once, through the registration service, as the member of the link', async () => {
		const { id, tokens } = await publishedWithLinks();
		const answered = await answerByRsvpLink(tokens.yes, 'de');
		expect(answered).toMatchObject({
			ok: true,
			value: { workshopId: id, answer: 'yes', registration: { status: 'confirmed' } }
		});
		expect(await WorkshopRegistration.countDocuments({ workshopId: id, memberId: anna.id })).toBe(
			1
		);
		expect(await seatsTaken((await load(id))._id)).toBe(1);

		// Used, tampered with, or not a token at all: the same neutral refusal, nothing changes.
		expect(await answerByRsvpLink(tokens.yes, 'de')).toEqual(neutral);
		expect(await reviewRsvpLink(tokens.yes, 'de')).toEqual(neutral);
		expect(await answerByRsvpLink(tamper(tokens.no), 'de')).toEqual(neutral);
		expect(await reviewRsvpLink('../../etc/passwd', 'de')).toEqual(neutral);
		expect(await seatsTaken((await load(id))._id)).toBe(1);

		// The other answers of the same mail still work once each.
		expect(await answerByRsvpLink(tokens.maybe, 'de')).toMatchObject({
			value: { answer: 'maybe', registration: { status: 'none', answer: 'maybe' } }
		});
		expect(await seatsTaken((await load(id))._id)).toBe(0);
	});

	it('keeps to the seats: a full workshop puts the next on the waiting list, a "no" promotes', async () => {
		const { id, tokens: annas } = await publishedWithLinks(anna);
		const bens = (await issueRsvpLinks(await load(id), ben.id))!;
		expect(await answerByRsvpLink(annas.yes, 'de')).toMatchObject({
			value: { registration: { status: 'confirmed' } }
		});
		expect(await answerByRsvpLink(bens.yes, 'de')).toMatchObject({
			value: { registration: { status: 'waitlisted', waitlistPosition: 1 } }
		});
		expect(await answerByRsvpLink(annas.no, 'de')).toMatchObject({
			value: { registration: { status: 'none', answer: 'no' } }
		});
		expect(await myRegistration((await load(id))._id, ben.id)).toMatchObject({
			status: 'confirmed'
		});
	});

	it('is used once even when sent ten times at once', async () => {
		const { id, tokens } = await publishedWithLinks();
		const results = await Promise.all(
			Array.from({ length: 10 }, () => answerByRsvpLink(tokens.yes, 'de'))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await WorkshopRegistration.countDocuments({ workshopId: id, memberId: anna.id })).toBe(
			1
		);
	});

	it('ends when registration closes, also when the deadline moves earlier', async () => {
		const { id, tokens } = await publishedWithLinks();
		const afterDeadline = new Date(deadline.getTime() + 60_000);
		expect(await reviewRsvpLink(tokens.yes, 'de', afterDeadline)).toEqual(neutral);
		expect(await answerByRsvpLink(tokens.yes, 'de', afterDeadline)).toEqual(neutral);

		const earlier = zonedToInstant('2033-09-15', '18:00', berlin);
		expect(
			(await updateWorkshop(organiser, { ...input({ registrationDeadline: earlier }), id })).ok
		).toBe(true);
		const between = new Date(earlier.getTime() + 60_000);
		expect(await answerByRsvpLink(tokens.maybe, 'de', between)).toEqual(neutral);
		expect(await answerByRsvpLink(tokens.no, 'de')).toMatchObject({ ok: true });

		const closed = await publishWorkshop(
			organiser,
			input({ registrationDeadline: new Date(Date.now() - 1000) })
		);
		expect(await issueRsvpLinks(await load(closed), anna.id)).toBeNull();
	});

	it('ends with a cancelled workshop and with a deactivated member', async () => {
		const { id, tokens } = await publishedWithLinks();
		expect((await changeWorkshopState(organiser, { id, to: 'cancelled' })).ok).toBe(true);
		expect(await RsvpLink.countDocuments({ workshopId: id })).toBe(0);
		expect(await answerByRsvpLink(tokens.yes, 'de')).toEqual(neutral);

		const other = await publishedWithLinks(ben);
		await Member.updateOne({ _id: ben.id }, { $set: { deactivatedAt: new Date() } });
		expect(await reviewRsvpLink(other.tokens.yes, 'de')).toEqual(neutral);
		expect(await answerByRsvpLink(other.tokens.yes, 'de')).toEqual(neutral);
		await Member.updateOne({ _id: ben.id }, { $set: { deactivatedAt: null } });
	});
});
