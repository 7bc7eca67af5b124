import type { Types } from 'mongoose';
import { messages, type Messages } from '$lib/i18n';
import { Member, type OneTimeLinkModel } from '../db/models';
import { sendMail } from '../mail';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

/**
 * Emailed one-time links (password reset, sign-in link): a random token in the link, only its
 * hash stored, one open link per member and kind, consumed by deleting it.
 */

/** One mail per member and kind of link every two minutes: no flooding someone's inbox. */
const resendAfterMs = 2 * 60 * 1000;

type MailTexts = Messages['auth']['mail'];

/**
 * Mails a new one-time link when the address belongs to an active member, replacing an older
 * open link. The caller shows the same answer either way (no enumeration), also when the mail
 * could not be sent (sendMail logs that, and the link is withdrawn).
 */
export async function mailLink(options: {
	model: OneTimeLinkModel;
	email: string;
	lifetimeMs: number;
	/** The link for a token, e.g. `${origin}/password-reset/${token}`. */
	url: (token: string) => string;
	mail: (
		texts: MailTexts,
		name: string,
		link: string
	) => { subject: string; text: string; button: string };
}): Promise<void> {
	const { model } = options;
	const member = await Member.findOne(
		{ email: options.email.toLowerCase().trim(), deactivatedAt: null },
		{ email: 1, displayName: 1, locale: 1 }
	).lean();
	if (!member) return;
	const recent = await model
		.findOne({ memberId: member._id }, { createdAt: 1 })
		.sort({ createdAt: -1 })
		.lean();
	const sentAt = (recent as { createdAt?: Date } | null)?.createdAt;
	if (sentAt && Date.now() - sentAt.getTime() < resendAfterMs) return;
	await model.deleteMany({ memberId: member._id });
	const token = generateToken();
	await model.create({
		_id: hashToken(token),
		memberId: member._id,
		expiresAt: new Date(Date.now() + options.lifetimeMs)
	});
	const link = options.url(token);
	const texts = messages(member.locale === 'en' ? 'en' : 'de').auth.mail;
	const { subject, text, button } = options.mail(texts, member.displayName, link);
	try {
		await sendMail({ to: member.email, subject, text, link, linkLabel: button });
	} catch {
		await model.deleteOne({ _id: hashToken(token) });
	}
}

/** True while the link can be used (checked again when it is consumed). */
export async function isLinkValid(model: OneTimeLinkModel, token: string): Promise<boolean> {
	if (!isWellFormedToken(token)) return false;
	const link = await model.findById(hashToken(token)).lean();
	return !!link && link.expiresAt.getTime() > Date.now();
}

/**
 * Consumes a link: deleted on first use (single use, also under two concurrent submits).
 * Answers the member it belongs to, or null when unknown, used or expired.
 */
export async function consumeLink(
	model: OneTimeLinkModel,
	token: string
): Promise<Types.ObjectId | null> {
	if (!isWellFormedToken(token)) return null;
	const link = await model.findOneAndDelete({ _id: hashToken(token) }).lean();
	if (!link || link.expiresAt.getTime() <= Date.now()) return null;
	return link.memberId;
}
