import type { Model, QueryFilter, Types } from 'mongoose';
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

/** What every emailed one-time link stores: the token's hash, its member, its end. */
export interface StoredLink {
	_id: string;
	memberId: Types.ObjectId;
	expiresAt: Date;
}

/** The stored link while it can be used (checked again when it is taken), or null. */
export async function findOpenLink<T extends StoredLink>(
	model: Model<T>,
	token: string,
	now = new Date()
): Promise<T | null> {
	if (!isWellFormedToken(token)) return null;
	const link = await model.findById(hashToken(token)).lean<T>();
	return link && link.expiresAt.getTime() > now.getTime() ? link : null;
}

/**
 * Takes a link for its one use: read, then deleted by id. Of two concurrent submits only the
 * one whose delete removed the record wins; a single-document delete by `_id` decides that on
 * MongoDB and on the embedded database alike. Null when unknown, used or expired.
 */
export async function takeLink<T extends StoredLink>(
	model: Model<T>,
	token: string,
	now = new Date()
): Promise<T | null> {
	const link = await findOpenLink(model, token, now);
	if (!link) return null;
	const { deletedCount } = await model.deleteOne({ _id: link._id } as QueryFilter<T>);
	return deletedCount === 1 ? link : null;
}

/** True while the link can be used (checked again when it is consumed). */
export async function isLinkValid(model: OneTimeLinkModel, token: string): Promise<boolean> {
	return (await findOpenLink(model as unknown as Model<StoredLink>, token)) !== null;
}

/** Consumes a link (single use); the member it belongs to, or null when it cannot be used. */
export async function consumeLink(
	model: OneTimeLinkModel,
	token: string
): Promise<Types.ObjectId | null> {
	return (await takeLink(model as unknown as Model<StoredLink>, token))?.memberId ?? null;
}
