import { trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { record } from '../audit';
import { invalidateMemberSessions } from '../auth/sessions';
import { isNetworkMember, type Actor } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { isObjectId, oid } from '../db/ids';
import { Invitation, Member, WorkshopRegistration } from '../db/models';
import * as invitations from '../invitations';
import { sendMail } from '../mail';
import { refreshMemberSockets } from '../realtime/rights';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { promoteFromWaitlist } from './registration';
import { releaseSeat } from './seats';
import { describeWhen, workshopName } from './wording';

/**
 * Observers (e.g. the federal transfer office) attend a workshop as guests: invited by an
 * organiser for that one workshop, on its roster without a seat, seeing what supervisors see.
 * Organisers also end a guest's place on the roster; the guest's sessions end at once.
 */

/** Puts a guest account on the roster as an observer (kept when already there). */
export async function addObserver(
	workshop: Pick<WorkshopLean, '_id'>,
	memberId: string,
	invitedBy: string
): Promise<void> {
	const key = { workshopId: workshop._id, memberId: oid(memberId) };
	await unlessDuplicate(
		() =>
			WorkshopRegistration.create({
				...key,
				role: 'observer',
				answer: 'yes',
				status: 'none',
				invitedBy: oid(invitedBy)
			}),
		() => null
	);
	await refreshMemberSockets(memberId);
}

export interface ObserverInvitationInput {
	workshopId: string;
	email: string;
	displayName: string;
	origin: string;
}

/**
 * An organiser invites an observer by email. A guest who has an account already is put on the
 * roster and told by mail; anyone else gets a single-use link (14 days) that creates an
 * observer account scoped to this workshop. Network members are refused: they register.
 */
export async function inviteObserver(
	actor: Actor,
	input: ObserverInvitationInput
): Promise<Result<{ status: 'invited' | 'added' }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	if (workshop.state === 'cancelled' || workshop.state === 'archived')
		return refused('invalid', 'workshops.errors.wrongState');
	const email = input.email.toLowerCase().trim();
	const existing = await Member.findOne(
		{ email },
		{ roles: 1, locale: 1, displayName: 1, deactivatedAt: 1 }
	).lean();
	if (existing && isNetworkMember({ id: '', roles: existing.roles, cohortIds: [] }))
		return refused('conflict', 'workshops.errors.memberNotGuest', 'email');
	const pending = await Invitation.exists({
		workshopId: workshop._id,
		email,
		usedAt: null,
		revokedAt: null,
		expiresAt: trusted({ $gt: new Date() })
	});
	if (pending) return refused('conflict', 'workshops.errors.invitationPending', 'email');

	if (existing) {
		await addObserver(workshop, existing._id.toString(), actor.id);
		const locale = (existing.locale ?? 'de') as Locale;
		const t = messages(locale).workshops.mail;
		const link = `${input.origin}/workshops/${input.workshopId}`;
		const what = workshopName(workshop, locale);
		await sendMail({
			to: email,
			subject: t.observerSubject(what),
			text: t.observerAdded(existing.displayName, what, describeWhen(workshop, locale), link),
			link,
			linkLabel: t.openWorkshop
		}).catch(() => undefined); // on the roster already; the mail is a courtesy
		await audit(actor, 'workshop.invite-observer', input.workshopId, `${email} (added)`);
		return ok({ status: 'added' });
	}
	const t = messages('de').workshops.mail;
	const what = workshopName(workshop, 'de');
	const issued = await invitations.issueWorkshopInvitation({
		email,
		displayName: input.displayName,
		municipalityId: null,
		workshopId: input.workshopId,
		role: 'observer',
		tandemOf: null,
		invitedBy: actor.id,
		origin: input.origin,
		mail: (link) => ({
			subject: t.observerSubject(what),
			text: t.observerInvite(input.displayName, what, describeWhen(workshop, 'de'), link),
			linkLabel: t.acceptInvitation
		})
	});
	if (!issued.ok) return issued;
	await audit(actor, 'workshop.invite-observer', input.workshopId, email);
	return ok({ status: 'invited' });
}

/**
 * Ends a guest's (supervisor's or observer's) place on the roster: their seat goes to the next
 * one waiting, and their sessions and sockets end at once. A guest still on another workshop
 * they may see signs in again and finds only that one.
 */
export async function revokeGuest(
	actor: Actor,
	input: { workshopId: string; memberId: string }
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	if (!isObjectId(input.memberId)) return refused('not_found');
	const memberId = oid(input.memberId);
	const entry = await WorkshopRegistration.findOne(
		{ workshopId: workshop._id, memberId, role: trusted({ $in: ['supervisor', 'observer'] }) },
		{ status: 1 }
	).lean();
	const guest = await Member.findById(memberId, { roles: 1, displayName: 1, email: 1 }).lean();
	if (!entry || !guest || isNetworkMember({ id: '', roles: guest.roles, cohortIds: [] }))
		return refused('not_found');
	const hadSeat = entry.status === 'confirmed' && (await releaseSeat(workshop._id, memberId));
	await WorkshopRegistration.deleteOne({ _id: entry._id });
	if (hadSeat) await promoteFromWaitlist(workshop);
	await invalidateMemberSessions(input.memberId);
	await refreshMemberSockets(input.memberId);
	await audit(actor, 'workshop.revoke-guest', input.workshopId, guest.email);
	return ok(null);
}

async function audit(
	actor: Actor,
	action: 'workshop.invite-observer' | 'workshop.revoke-guest',
	workshopId: string,
	summary: string
) {
	await record({
		actorId: actor.id,
		action,
		targetType: 'workshop',
		targetId: workshopId,
		summary
	});
}
