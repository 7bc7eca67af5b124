import { trusted, type Types } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { record } from '../audit';
import { isNetworkMember, type Actor } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { Invitation, Member, WorkshopRegistration } from '../db/models';
import * as invitations from '../invitations';
import { sendMail } from '../mail';
import { refreshMemberSockets } from '../realtime/rights';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { describeWhen, workshopName } from './wording';
import { takeSeat } from './seats';

/**
 * Puts a supervisor on the roster as the tandem of an alumna: a seat if one is free (the held
 * supervisor seats first), otherwise the waiting list.
 */
export async function addTandemSupervisor(
	workshop: Pick<WorkshopLean, '_id' | 'capacity' | 'supervisorSeats'>,
	supervisorId: string,
	tandemOf: string,
	invitedBy: string
): Promise<'confirmed' | 'waitlisted'> {
	const key = { workshopId: workshop._id, memberId: oid(supervisorId) };
	await unlessDuplicate(
		() =>
			WorkshopRegistration.create({
				...key,
				role: 'supervisor',
				answer: 'yes',
				status: 'none',
				tandemOf: oid(tandemOf),
				invitedBy: oid(invitedBy)
			}),
		() => null // already on the roster: keep the entry
	);
	const seat = await takeSeat(workshop._id, oid(supervisorId), workshop, true);
	const status = seat === null ? 'waitlisted' : 'confirmed';
	await WorkshopRegistration.updateOne(key, {
		$set: { status, waitlistedAt: seat === null ? new Date() : null }
	});
	await refreshMemberSockets(supervisorId); // the workshop's channel opens to them at once
	return status;
}

export interface SupervisorInvitationInput {
	workshopId: string;
	email: string;
	displayName: string;
	origin: string;
}

/**
 * A registered alumna invites her own supervisor for this one workshop. A supervisor who has an
 * account already is put on the roster and told by mail; anyone else gets a single-use link
 * (14 days) that creates a supervisor account scoped to this workshop. Addresses of network
 * members are refused: they register themselves.
 */
export async function inviteSupervisor(
	actor: Actor & { displayName: string; municipalityId: string | null },
	input: SupervisorInvitationInput
): Promise<Result<{ status: 'invited' | 'added' }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:invite-supervisor');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const email = input.email.toLowerCase().trim();
	const existing = await Member.findOne({ email }, { roles: 1, locale: 1, displayName: 1 }).lean();
	if (existing && isNetworkMember({ id: '', roles: existing.roles, cohortIds: [] }))
		return refused('conflict', 'workshops.errors.memberNotSupervisor', 'email');
	// One supervisor per alumna and workshop: the tandem.
	if (await hasTandem(workshop._id, actor.id))
		return refused('conflict', 'workshops.errors.tandemExists', 'email');
	const pending = await Invitation.exists({
		workshopId: workshop._id,
		tandemOf: oid(actor.id),
		usedAt: null,
		revokedAt: null,
		expiresAt: trusted({ $gt: new Date() })
	});
	if (pending) return refused('conflict', 'workshops.errors.invitationPending', 'email');

	const municipality = actor.municipalityId;
	const from = { name: actor.displayName };
	if (existing) {
		await addTandemSupervisor(workshop, existing._id.toString(), actor.id, actor.id);
		const locale = (existing.locale ?? 'de') as Locale;
		const t = messages(locale).workshops.mail;
		const link = `${input.origin}/workshops/${input.workshopId}`;
		await sendMail({
			to: email,
			subject: t.tandemSubject(workshopName(workshop, locale)),
			text: t.tandemAdded(
				existing.displayName,
				from.name,
				workshopName(workshop, locale),
				describeWhen(workshop, locale),
				link
			),
			link,
			linkLabel: t.openWorkshop
		}).catch(() => undefined); // on the roster already; the mail is a courtesy
		await audit(actor, input.workshopId, `${email} (added)`);
		return ok({ status: 'added' });
	}
	const t = messages('de').workshops.mail;
	const issued = await invitations.issueWorkshopInvitation({
		email,
		displayName: input.displayName,
		municipalityId: municipality,
		workshopId: input.workshopId,
		role: 'supervisor',
		tandemOf: actor.id,
		invitedBy: actor.id,
		origin: input.origin,
		mail: (link) => ({
			subject: t.tandemSubject(workshopName(workshop, 'de')),
			text: t.tandemInvite(
				input.displayName,
				from.name,
				workshopName(workshop, 'de'),
				describeWhen(workshop, 'de'),
				link
			),
			linkLabel: t.acceptInvitation
		})
	});
	if (!issued.ok) return issued;
	await audit(actor, input.workshopId, email);
	return ok({ status: 'invited' });
}

/** Whether the alumna already brought her supervisor to this workshop. */
export async function hasTandem(workshopId: Types.ObjectId, alumnaId: string): Promise<boolean> {
	return (await WorkshopRegistration.exists({ workshopId, tandemOf: oid(alumnaId) })) !== null;
}

async function audit(actor: Actor, workshopId: string, summary: string) {
	await record({
		actorId: actor.id,
		action: 'workshop.invite-supervisor',
		targetType: 'workshop',
		targetId: workshopId,
		summary
	});
}
