import { Types, trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { generateToken, hashToken, isWellFormedToken } from '../auth/tokens';
import { Cohort, Invitation, Member, Municipality, type Role } from '../db/models';
import { sendMail } from '../mail';
import { createMember } from '../members';

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
	locale: Locale;
}

export type CreateInvitationResult =
	| { ok: true; id: string }
	| {
			ok: false;
			reason: 'member_exists' | 'unknown_cohort' | 'unknown_municipality' | 'mail_failed';
	  };

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
	input: NewInvitation,
	inviter: { id: string; displayName: string },
	origin: string
): Promise<CreateInvitationResult> {
	const email = input.email.toLowerCase().trim();
	if (await Member.exists({ email })) return { ok: false, reason: 'member_exists' };
	if (input.cohortId && !(await Cohort.exists({ _id: new Types.ObjectId(input.cohortId) })))
		return { ok: false, reason: 'unknown_cohort' };
	if (
		input.municipalityId &&
		!(await Municipality.exists({ _id: new Types.ObjectId(input.municipalityId) }))
	)
		return { ok: false, reason: 'unknown_municipality' };

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
		cohortId: input.cohortId ? new Types.ObjectId(input.cohortId) : null,
		municipalityId: input.municipalityId ? new Types.ObjectId(input.municipalityId) : null,
		invitedBy: new Types.ObjectId(inviter.id),
		expiresAt: new Date(now.getTime() + invitationLifetimeMs)
	});
	try {
		await mailInvitation(
			{ email, displayName: input.displayName },
			token,
			origin,
			inviter.displayName,
			input.locale
		);
	} catch {
		// Nothing half-done stays: an invitation nobody received is removed again.
		await Invitation.deleteOne({ _id: created._id });
		return { ok: false, reason: 'mail_failed' };
	}
	return { ok: true, id: created._id.toString() };
}

/** Newest first, paged by _id (ObjectIds grow with creation time). */
export async function listInvitations(
	cursor: string | null,
	limit = 50
): Promise<{ items: InvitationDto[]; nextCursor: string | null }> {
	const query: Record<string, unknown> = {};
	if (cursor && Types.ObjectId.isValid(cursor))
		query._id = trusted({ $lt: new Types.ObjectId(cursor) });
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
	return {
		items: page.map((r) => toDto(r, names)),
		nextCursor: rows.length > limit ? page.at(-1)!._id.toString() : null
	};
}

export async function getInvitation(id: string): Promise<InvitationDto | null> {
	if (!Types.ObjectId.isValid(id)) return null;
	const inv = (await Invitation.findById(id, { tokenHash: 0 }).lean()) as InvitationLean | null;
	return inv ? toDto(inv, new Map()) : null;
}

/** Revokes a pending invitation; its link stops working at once. */
export async function revokeInvitation(id: string): Promise<boolean> {
	if (!Types.ObjectId.isValid(id)) return false;
	const res = await Invitation.updateOne(
		{ _id: new Types.ObjectId(id), usedAt: null, revokedAt: null },
		{ $set: { revokedAt: new Date() } }
	);
	return res.modifiedCount === 1;
}

/**
 * Sends an invitation again with a new token and a fresh expiry: the old link is dead because
 * its hash is replaced. Accepted or revoked invitations are not resent.
 */
export async function resendInvitation(
	id: string,
	inviter: { displayName: string },
	origin: string,
	locale: Locale
): Promise<'sent' | 'not_pending' | 'mail_failed'> {
	if (!Types.ObjectId.isValid(id)) return 'not_pending';
	const token = generateToken();
	const inv = await Invitation.findOneAndUpdate(
		{ _id: new Types.ObjectId(id), usedAt: null, revokedAt: null },
		{
			$set: {
				tokenHash: hashToken(token),
				expiresAt: new Date(Date.now() + invitationLifetimeMs)
			}
		},
		{ returnDocument: 'after' }
	).lean();
	if (!inv) return 'not_pending';
	try {
		await mailInvitation(
			{ email: inv.email, displayName: inv.displayName ?? '' },
			token,
			origin,
			inviter.displayName,
			locale
		);
	} catch {
		// The invitation stays pending; sending again makes a fresh link.
		return 'mail_failed';
	}
	return 'sent';
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

export type AcceptResult =
	| { ok: true; memberId: string }
	| { ok: false; reason: 'invalid' | 'expired' | 'accepted' | 'revoked' | 'member_exists' };

/**
 * Accepts an invitation: claims it with one conditional update (so two submits cannot both
 * create a member), then creates the member with the invited roles, cohort and municipality.
 * If creating fails the claim is released and nothing half-written stays.
 */
export async function acceptInvitation(
	token: string,
	input: { displayName: string; password: string; locale: Locale }
): Promise<AcceptResult> {
	const check = await checkInvitationToken(token);
	if (check.status !== 'valid') return { ok: false, reason: check.status };
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
	if (!inv || inv.usedAt?.getTime() !== now.getTime()) return { ok: false, reason: 'accepted' };
	if (await Member.exists({ email: inv.email })) {
		await Invitation.updateOne({ _id: inv._id }, { $set: { usedAt: null } });
		return { ok: false, reason: 'member_exists' };
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
		await Invitation.updateOne(
			{ _id: inv._id },
			{ $set: { memberId: new Types.ObjectId(memberId) } }
		);
		return { ok: true, memberId };
	} catch (err) {
		await Invitation.updateOne({ _id: inv._id }, { $set: { usedAt: null } });
		throw err;
	}
}
