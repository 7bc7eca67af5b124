import { Types } from 'mongoose';
import { Member, PasswordReset } from '../db/models';
import { hashPassword, verifyPassword } from './passwords';
import { consumeLink, isLinkValid, mailLink } from './one-time-links';
import { invalidateMemberSessions } from './sessions';

export const passwordResetLifetimeMs = 60 * 60 * 1000;

/**
 * Mails a one-time reset link when the address belongs to an active member. The caller shows
 * the same answer either way (no enumeration); an older open link of the member is replaced.
 */
export function requestPasswordReset(email: string, origin: string): Promise<void> {
	return mailLink({
		model: PasswordReset,
		email,
		lifetimeMs: passwordResetLifetimeMs,
		url: (token) => `${origin}/password-reset/${token}`,
		mail: (t, name, link) => ({
			subject: t.resetSubject,
			text: t.resetText(name, link),
			button: t.resetButton
		})
	});
}

/** True while the link can still be used (checked again when the form is sent). */
export function isPasswordResetTokenValid(token: string): Promise<boolean> {
	return isLinkValid(PasswordReset, token);
}

/**
 * Sets a new password through a reset link. The link is consumed by deleting it (single use,
 * also under two concurrent submits), and every session of the member ends.
 */
export async function resetPassword(token: string, password: string): Promise<boolean> {
	const memberId = await consumeLink(PasswordReset, token);
	if (!memberId) return false;
	const res = await Member.updateOne(
		{ _id: memberId, deactivatedAt: null },
		{ $set: { passwordHash: await hashPassword(password) } }
	);
	if (res.matchedCount !== 1) return false;
	await invalidateMemberSessions(memberId.toString());
	return true;
}

/** Changes the password after checking the current one; other sessions end, this one stays. */
export async function changePassword(
	memberId: string,
	currentPassword: string,
	password: string,
	currentSessionId: string
): Promise<boolean> {
	const member = await Member.findById(new Types.ObjectId(memberId), { passwordHash: 1 }).lean();
	if (!member || !(await verifyPassword(member.passwordHash, currentPassword))) return false;
	await Member.updateOne(
		{ _id: member._id },
		{ $set: { passwordHash: await hashPassword(password) } }
	);
	await invalidateMemberSessions(memberId, currentSessionId);
	return true;
}

/** Confirms the member's own password (before deleting the account, for example). */
export async function checkMemberPassword(memberId: string, password: string): Promise<boolean> {
	const member = await Member.findById(new Types.ObjectId(memberId), { passwordHash: 1 }).lean();
	return !!member && (await verifyPassword(member.passwordHash, password));
}
