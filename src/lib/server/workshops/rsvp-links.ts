import { trusted, type Types } from 'mongoose';
import type { Locale } from '$lib/i18n';
import { findOpenLink, takeLink } from '../auth/one-time-links';
import { generateToken, hashToken } from '../auth/tokens';
import { oid } from '../db/ids';
import { rsvpAnswers } from '$lib/workshops';
import { RsvpLink, Workshop, type RsvpLinkDoc } from '../db/models';
import { ok, refused, type Result } from '../result';
import type { WorkshopLean } from './access';
import { activeMember } from './calendar';
import {
	answerRsvp,
	registrationClosesAt,
	type MyRegistrationDto,
	type RsvpAnswer
} from './registration';
import { describeWhen, workshopName } from './wording';

/**
 * One-click answers from invitation mails ("Ja / Vielleicht / Nein"): links that work without
 * being signed in. Each answer has its own token, usable once; only its hash is stored (as for
 * password reset and sign-in links), and it ends when registration closes. Opening a link only
 * shows what it would answer; the answer is given by a button, so mail scanners that fetch
 * links answer nothing. It goes through the same registration service as the form, with the
 * link's member as the actor: seats, waiting list and deadline rules apply unchanged.
 */

/** The tokens of one mail, by answer. */
export type RsvpTokens = Record<RsvpAnswer, string>;

/** A fresh set of answer links for one member's mail; null once registration has closed. */
export async function issueRsvpLinks(
	workshop: Pick<WorkshopLean, '_id' | 'registrationDeadline' | 'endsAt'>,
	memberId: string,
	now = new Date()
): Promise<RsvpTokens | null> {
	const expiresAt = registrationClosesAt(workshop);
	if (expiresAt <= now) return null;
	const tokens = { yes: generateToken(), maybe: generateToken(), no: generateToken() };
	await RsvpLink.insertMany(
		rsvpAnswers.map((answer) => ({
			_id: hashToken(tokens[answer]),
			memberId: oid(memberId),
			workshopId: workshop._id,
			answer,
			expiresAt
		}))
	);
	return tokens;
}

/** Withdraws links whose mail was not sent (the retry mails a new set). */
export async function withdrawRsvpLinks(tokens: RsvpTokens): Promise<void> {
	await RsvpLink.deleteMany({ _id: trusted({ $in: Object.values(tokens).map(hashToken) }) });
}

/** The deadline (or the end) moved: the workshop's links now end when registration closes. */
export async function rescheduleRsvpLinks(
	workshop: Pick<WorkshopLean, '_id' | 'registrationDeadline' | 'endsAt'>
): Promise<void> {
	await RsvpLink.updateMany(
		{ workshopId: workshop._id },
		{ $set: { expiresAt: registrationClosesAt(workshop) } }
	);
}

/** Cancelled or closed: nobody answers any more, the links end at once. */
export async function endRsvpLinks(workshopId: Types.ObjectId): Promise<void> {
	await RsvpLink.deleteMany({ workshopId });
}

export interface RsvpLinkDto {
	workshopName: string;
	/** "Donnerstag, 29. September 2022, 10:00 Uhr". */
	when: string;
	answer: RsvpAnswer;
}

export interface RsvpLinkAnsweredDto extends RsvpLinkDto {
	workshopId: string;
	registration: MyRegistrationDto;
}

/** The one answer for every link that cannot be used: it tells nobody why. */
const unusable = () => refused('not_found', 'workshops.rsvpLink.invalid');

/** The link's workshop while its members may still answer, or null. */
async function openWorkshop(link: RsvpLinkDoc, now: Date): Promise<WorkshopLean | null> {
	const workshop = await Workshop.findById(link.workshopId).lean<WorkshopLean>();
	if (!workshop || (workshop.state !== 'published' && workshop.state !== 'live')) return null;
	return registrationClosesAt(workshop) > now ? workshop : null;
}

const describe = (w: WorkshopLean, answer: RsvpAnswer, locale: Locale): RsvpLinkDto => ({
	workshopName: workshopName(w, locale),
	when: describeWhen(w, locale),
	answer
});

/** What a link would answer, for the confirmation page; opening it changes nothing. */
export async function reviewRsvpLink(
	token: string,
	locale: Locale,
	now = new Date()
): Promise<Result<RsvpLinkDto>> {
	const link = await findOpenLink(RsvpLink, token, now);
	const workshop = link && (await openWorkshop(link, now));
	if (!link || !workshop || !(await activeMember(link.memberId.toString()))) return unusable();
	return ok(describe(workshop, link.answer as RsvpAnswer, locale));
}

/**
 * Gives the link's answer, once: the link is used up first, then the registration service
 * decides as it does for the form. Whatever refuses (used, expired, deadline passed, member
 * gone) answers the same neutral failure.
 */
export async function answerByRsvpLink(
	token: string,
	locale: Locale,
	now = new Date()
): Promise<Result<RsvpLinkAnsweredDto>> {
	const link = await takeLink(RsvpLink, token, now);
	const workshop = link && (await openWorkshop(link, now));
	const member = link && (await activeMember(link.memberId.toString()));
	if (!link || !workshop || !member) return unusable();
	const answer = link.answer as RsvpAnswer;
	const workshopId = workshop._id.toString();
	const answered = await answerRsvp(member.actor, { workshopId, answer }, now);
	if (!answered.ok) return unusable();
	return ok({ ...describe(workshop, answer, locale), workshopId, registration: answered.value });
}
