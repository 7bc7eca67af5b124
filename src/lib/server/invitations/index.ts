import { Types, trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { generateToken, hashToken, isWellFormedToken } from '../auth/tokens';
import { isObjectId, oid } from '../db/ids';
import { Cohort, Invitation, Member, Municipality, roles, type Role } from '../db/models';
import { sendMail } from '../mail';
import { createMember } from '../members';
import { ok, refused, type Result } from '../result';

const day = 24 * 60 * 60 * 1000;
export const invitationLifetimeMs = 14 * day;

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface InvitationDto {
	id: string;
	email: string;
	displayName: string;
	roles: Role[];
	cohortId: string | null;
	municipalityId: string | null;
	invitedByName: string;
	status: InvitationStatus;
	expiresAt: string;
	createdAt: string;
}

interface InvitationLean {
	_id: Types.ObjectId;
	email: string;
	displayName?: string | null;
	roles: string[];
	cohortId?: Types.ObjectId | null;
	municipalityId?: Types.ObjectId | null;
	invitedBy: Types.ObjectId;
	expiresAt: Date;
	usedAt?: Date | null;
	revokedAt?: Date | null;
	createdAt: Date;
}

export function statusOf(
	inv: Pick<InvitationLean, 'usedAt' | 'revokedAt' | 'expiresAt'>,
	now = Date.now()
): InvitationStatus {
	if (inv.usedAt) return 'accepted';
	if (inv.revokedAt) return 'revoked';
	if (inv.expiresAt.getTime() <= now) return 'expired';
	return 'pending';
}

function toDto(inv: InvitationLean, names: Map<string, string>): InvitationDto {
	return {
		id: inv._id.toString(),
		email: inv.email,
		displayName: inv.displayName ?? '',
		roles: inv.roles as Role[],
		cohortId: inv.cohortId ? inv.cohortId.toString() : null,
		municipalityId: inv.municipalityId ? inv.municipalityId.toString() : null,
		invitedByName: names.get(inv.invitedBy.toString()) ?? '—',
		status: statusOf(inv),
		expiresAt: inv.expiresAt.toISOString(),
		createdAt: inv.createdAt.toISOString()
	};
}

export interface NewInvitation {
	email: string;
	displayName: string;
	roles: Role[];
	cohortId: string | null;
	municipalityId: string | null;
	/** The language of the mail. */
	locale: Locale;
	/** Where the link in the mail points (the app's public address). */
	origin: string;
}

/** The inviting member: their name signs the mail. */
export type Inviter = Actor & { displayName: string };

/** The roles this member may hand out in an invitation, in the usual order. */
export const grantableRoles = (actor: Actor): Role[] =>
	roles.filter((role) => can(actor, 'role:grant', { role }));

const mailFailed = (field: string) => refused('unavailable', 'admin.invitations.mailFailed', field);
const notPending = () => refused('conflict', 'admin.invitations.notPending', 'list');

async function audited(actor: Actor, action: string, id: string, summary?: string) {
	await record({
		actorId: actor.id,
		action: `invitation.${action}`,
		targetType: 'invitation',
		targetId: id,
		summary
	});
}

async function mailInvitation(
	inv: { email: string; displayName: string },
	token: string,
	origin: string,
	inviterName: string,
	locale: Locale
) {
	const t = messages(locale).auth.mail;
	const link = `${origin}/invite/${token}`;
	await sendMail({
		to: inv.email,
		subject: t.inviteSubject,
		text: t.inviteText(inv.displayName, inviterName, link),
		link,
		linkLabel: t.inviteButton
	});
}

/**
 * Invites someone into the closed network. Only the token's hash is stored; the link goes out
 * by mail. Earlier pending invitations for the same address are revoked (one live link each).
 */
export async function createInvitation(
	actor: Inviter,
	input: NewInvitation
): Promise<Result<{ id: string }>> {
	if (!can(actor, 'invitation:create')) return refused('forbidden');
	if (!input.roles.every((role) => can(actor, 'role:grant', { role })))
		return refused('forbidden', 'errors.forbidden', 'roles');
	const email = input.email.toLowerCase().trim();
	if (await Member.exists({ email }))
		return refused('conflict', 'admin.invitations.memberExists', 'email');
	if (
		input.cohortId &&
		!(isObjectId(input.cohortId) && (await Cohort.exists({ _id: oid(input.cohortId) })))
	)
		return refused('invalid', 'validation.invalidId', 'cohortId');
	if (
		input.municipalityId &&
		!(
			isObjectId(input.municipalityId) &&
			(await Municipality.exists({ _id: oid(input.municipalityId) }))
		)
	)
		return refused('invalid', 'validation.invalidId', 'municipalityId');

	const now = new Date();
	await Invitation.updateMany(
		{ email, usedAt: null, revokedAt: null },
		{ $set: { revokedAt: now } }
	);
	const token = generateToken();
	const created = await Invitation.create({
		tokenHash: hashToken(token),
		email,
		displayName: input.displayName,
		roles: input.roles,
		cohortId: input.cohortId ? oid(input.cohortId) : null,
		municipalityId: input.municipalityId ? oid(input.municipalityId) : null,
		invitedBy: oid(actor.id),
		expiresAt: new Date(now.getTime() + invitationLifetimeMs)
	});
	try {
		await mailInvitation(
			{ email, displayName: input.displayName },
			token,
			input.origin,
			actor.displayName,
			input.locale
		);
	} catch {
		// Nothing half-done stays: an invitation nobody received is removed again.
		await Invitation.deleteOne({ _id: created._id });
		return mailFailed('email');
	}
	const id = created._id.toString();
	await audited(actor, 'create', id, `${email} (${input.roles.join(',')})`);
	return ok({ id });
}

/** Newest first, paged by _id (ObjectIds grow with creation time). */
export async function listInvitations(
	actor: Actor,
	input: { cursor?: string | null; limit?: number } = {}
): Promise<Result<{ items: InvitationDto[]; nextCursor: string | null }>> {
	if (!can(actor, 'invitation:manage')) return refused('forbidden');
	const limit = input.limit ?? 50;
	const query: Record<string, unknown> = {};
	if (isObjectId(input.cursor)) query._id = trusted({ $lt: oid(input.cursor) });
	const rows = (await Invitation.find(query, { tokenHash: 0 })
		.sort({ _id: -1 })
		.limit(limit + 1)
		.lean()) as InvitationLean[];
	const page = rows.slice(0, limit);
	const inviters = await Member.find(
		{ _id: trusted({ $in: [...new Set(page.map((r) => r.invitedBy.toString()))] }) },
		{ displayName: 1 }
	).lean();
	const names = new Map(inviters.map((m) => [m._id.toString(), m.displayName]));
	return ok({
		items: page.map((r) => toDto(r, names)),
		nextCursor: rows.length > limit ? page.at(-1)!._id.toString() : null
	});
}

/** Revokes a pending invitation; its link stops working at once. */
export async function revokeInvitation(actor: Actor, input: { id: string }): Promise<Result<null>> {
	if (!can(actor, 'invitation:manage')) return refused('forbidden');
	if (!isObjectId(input.id)) return notPending();
	const res = await Invitation.updateOne(
		{ _id: oid(input.id), usedAt: null, revokedAt: null },
		{ $set: { revokedAt: new Date() } }
	);
	if (res.modifiedCount !== 1) return notPending();
	await audited(actor, 'revoke', input.id);
	return ok(null);
}

/**
 * Sends an invitation again with a new token and a fresh expiry: the old link is dead because
 * its hash is replaced. Accepted or revoked invitations are not resent.
 */
export async function resendInvitation(
	actor: Inviter,
	input: { id: string; origin: string; locale: Locale }
): Promise<Result<null>> {
	if (!can(actor, 'invitation:manage')) return refused('forbidden');
	if (!isObjectId(input.id)) return notPending();
	const token = generateToken();
	const inv = await Invitation.findOneAndUpdate(
		{ _id: oid(input.id), usedAt: null, revokedAt: null },
		{
			$set: {
				tokenHash: hashToken(token),
				expiresAt: new Date(Date.now() + invitationLifetimeMs)
			}
		},
		{ returnDocument: 'after' }
	).lean();
	if (!inv) return notPending();
	try {
		await mailInvitation(
			{ email: inv.email, displayName: inv.displayName ?? '' },
			token,
			input.origin,
			actor.displayName,
			input.locale
		);
	} catch {
		// The invitation stays pending; sending again makes a fresh link.
		return mailFailed('list');
	}
	await audited(actor, 'resend', input.id);
	return ok(null);
}

/** A guest invitation for one workshop, sent on behalf of the workshops service. */
export interface WorkshopGuestInvitation {
	email: string;
	displayName: string;
	municipalityId: string | null;
	workshopId: string;
	/** A supervisor comes as the tandem of this alumna; an observer (e.g. the KTS) alone. */
	role: 'supervisor' | 'observer';
	tandemOf: string | null;
	invitedBy: string;
	/** The mail without its link, which is made here from the token. */
	mail: (link: string) => { subject: string; text: string; linkLabel: string };
	origin: string;
}

/**
 * Issues a single-use link that creates a guest account (supervisor or observer) scoped to one
 * workshop. The
 * workshops service decides who may send it; the link and its expiry work as for any invitation.
 */
export async function issueWorkshopInvitation(
	input: WorkshopGuestInvitation
): Promise<Result<{ id: string }>> {
	const email = input.email.toLowerCase().trim();
	const token = generateToken();
	const created = await Invitation.create({
		tokenHash: hashToken(token),
		email,
		displayName: input.displayName,
		roles: [input.role],
		municipalityId: input.municipalityId ? oid(input.municipalityId) : null,
		invitedBy: oid(input.invitedBy),
		workshopId: oid(input.workshopId),
		tandemOf: input.tandemOf ? oid(input.tandemOf) : null,
		expiresAt: new Date(Date.now() + invitationLifetimeMs)
	});
	const link = `${input.origin}/invite/${token}`;
	try {
		await sendMail({ to: email, link, ...input.mail(link) });
	} catch {
		await Invitation.deleteOne({ _id: created._id });
		return mailFailed('email');
	}
	return ok({ id: created._id.toString() });
}

type AcceptedListener = (accepted: {
	memberId: string;
	workshopId: string;
	role: 'supervisor' | 'observer';
	tandemOf: string | null;
	invitedBy: string;
}) => Promise<void>;
const acceptedListeners: AcceptedListener[] = [];
/** The workshops service puts an accepted guest on the roster of their workshop. */
export function onWorkshopInvitationAccepted(listener: AcceptedListener): void {
	acceptedListeners.push(listener);
}

export type TokenCheck =
	| { status: 'valid'; email: string; displayName: string }
	| { status: 'invalid' | 'expired' | 'accepted' | 'revoked' };

/** What the invitation page shows for a link. Unknown and tampered tokens look the same. */
export async function checkInvitationToken(token: string): Promise<TokenCheck> {
	if (!isWellFormedToken(token)) return { status: 'invalid' };
	const inv = await Invitation.findOne({ tokenHash: hashToken(token) }).lean();
	if (!inv) return { status: 'invalid' };
	const status = statusOf(inv);
	if (status !== 'pending') return { status };
	return { status: 'valid', email: inv.email, displayName: inv.displayName ?? '' };
}

const linkRefusals = {
	invalid: 'auth.invite.invalid',
	expired: 'auth.invite.expired',
	accepted: 'auth.invite.accepted',
	revoked: 'auth.invite.revoked',
	member_exists: 'auth.invite.memberExists'
} as const;

/** A link that no longer (or never did) lead to a new account. */
const linkRefused = (reason: keyof typeof linkRefusals) =>
	refused('conflict', linkRefusals[reason]);

/**
 * Accepts an invitation: claims it with one conditional update (so two submits cannot both
 * create a member), then creates the member with the invited roles, cohort and municipality.
 * If creating fails the claim is released and nothing half-written stays. The link's token is
 * the authority here: the visitor has no account yet.
 */
export async function acceptInvitation(
	token: string,
	input: { displayName: string; password: string; locale: Locale }
): Promise<Result<{ memberId: string; workshopId: string | null }>> {
	const check = await checkInvitationToken(token);
	if (check.status !== 'valid') return linkRefused(check.status);
	const now = new Date();
	const inv = await Invitation.findOneAndUpdate(
		{
			tokenHash: hashToken(token),
			usedAt: null,
			revokedAt: null,
			expiresAt: trusted({ $gt: now })
		},
		{ $set: { usedAt: now } },
		{ returnDocument: 'after' }
	).lean();
	if (!inv || inv.usedAt?.getTime() !== now.getTime()) return linkRefused('accepted');
	if (await Member.exists({ email: inv.email })) {
		await Invitation.updateOne({ _id: inv._id }, { $set: { usedAt: null } });
		return linkRefused('member_exists');
	}
	try {
		const memberId = await createMember({
			email: inv.email,
			displayName: input.displayName,
			password: input.password,
			roles: inv.roles as Role[],
			cohortIds: inv.cohortId ? [inv.cohortId.toString()] : [],
			municipalityId: inv.municipalityId ? inv.municipalityId.toString() : null,
			locale: input.locale
		});
		await Invitation.updateOne({ _id: inv._id }, { $set: { memberId: oid(memberId) } });
		if (inv.workshopId)
			for (const listener of acceptedListeners)
				await listener({
					memberId,
					workshopId: inv.workshopId.toString(),
					role: inv.roles.includes('observer') ? 'observer' : 'supervisor',
					tandemOf: inv.tandemOf?.toString() ?? null,
					invitedBy: inv.invitedBy.toString()
				});
		return ok({ memberId, workshopId: inv.workshopId?.toString() ?? null });
	} catch (err) {
		await Invitation.updateOne({ _id: inv._id }, { $set: { usedAt: null } });
		throw err;
	}
}
