import { Types } from 'mongoose';
import { messages } from '$lib/i18n';
import { Member, PasswordReset } from '../db/models';
import { sendMail } from '../mail';
import { hashPassword, verifyPassword } from './passwords';
import { invalidateMemberSessions } from './sessions';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

export const passwordResetLifetimeMs = 60 * 60 * 1000;
const resendAfterMs = 2 * 60 * 1000;

/**
 * Mails a one-time reset link when the address belongs to an active member. The caller shows
 * the same answer either way (no enumeration); an older open link of the member is replaced.
 */
export async function requestPasswordReset(emailInput: string, origin: string): Promise<void> {
	const email = emailInput.toLowerCase().trim();
	const member = await Member.findOne(
		{ email, deactivatedAt: null },
		{ email: 1, displayName: 1, locale: 1 }
	).lean();
	if (!member) return;
	// One mail per member every two minutes: the form cannot be used to flood someone's inbox.
	const recent = await PasswordReset.findOne({ memberId: member._id }, { createdAt: 1 })
		.sort({ createdAt: -1 })
		.lean();
	const sentAt = (recent as { createdAt?: Date } | null)?.createdAt;
	if (sentAt && Date.now() - sentAt.getTime() < resendAfterMs) return;
	await PasswordReset.deleteMany({ memberId: member._id });
	const token = generateToken();
	await PasswordReset.create({
		_id: hashToken(token),
		memberId: member._id,
		expiresAt: new Date(Date.now() + passwordResetLifetimeMs)
	});
	const t = messages(member.locale === 'en' ? 'en' : 'de').auth.mail;
	const link = `${origin}/password-reset/${token}`;
	try {
		await sendMail({
			to: member.email,
			subject: t.resetSubject,
			text: t.resetText(member.displayName, link),
			link,
			linkLabel: t.resetButton
		});
	} catch {
		// The answer stays the same (no enumeration); the failure is logged by sendMail.
		await PasswordReset.deleteOne({ _id: hashToken(token) });
	}
}

/** True while the link can still be used (checked again when the form is sent). */
export async function isPasswordResetTokenValid(token: string): Promise<boolean> {
	if (!isWellFormedToken(token)) return false;
	const reset = await PasswordReset.findById(hashToken(token)).lean();
	return !!reset && reset.expiresAt.getTime() > Date.now();
}

/**
 * Sets a new password through a reset link. The link is consumed by deleting it (single use,
 * also under two concurrent submits), and every session of the member ends.
 */
export async function resetPassword(token: string, password: string): Promise<boolean> {
	if (!isWellFormedToken(token)) return false;
	const reset = await PasswordReset.findOneAndDelete({ _id: hashToken(token) }).lean();
	if (!reset || reset.expiresAt.getTime() <= Date.now()) return false;
	const res = await Member.updateOne(
		{ _id: reset.memberId, deactivatedAt: null },
		{ $set: { passwordHash: await hashPassword(password) } }
	);
	if (res.matchedCount !== 1) return false;
	await invalidateMemberSessions(reset.memberId.toString());
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
