import sharp from 'sharp';
import { Types, trusted } from 'mongoose';
import { checkMemberPassword } from '../auth/password-reset';
import { can, type Actor } from '../auth/permissions';
import { invalidateMemberSessions, memberChanged } from '../auth/sessions';
import { isObjectId, oid } from '../db/ids';
import { Avatar, Cohort, Member, Municipality, Session, type Role } from '../db/models';
import { ok, refused, type Result } from '../result';
import { isLastAdmin } from './admin';
import { sortNameOf } from './index';

export interface ProfileInput {
	displayName: string;
	municipalityId: string | null;
	jobTitle: string;
	bio: string;
	/** As typed: comma-separated. */
	topics: string;
}

export const maxTopics = 10;

/** "Open Data, open data ,  Strategie" -> ["Open Data", "Strategie"]: trimmed, deduplicated. */
export function normaliseTopics(input: string): string[] {
	const seen = new Set<string>();
	const topics: string[] = [];
	for (const raw of input.split(',')) {
		const topic = raw.replace(/\s+/g, ' ').trim();
		const key = topic.toLocaleLowerCase('de');
		if (!topic || seen.has(key)) continue;
		seen.add(key);
		topics.push(topic);
	}
	return topics;
}

/** The member's own profile fields; cohorts and roles are set by organisers, not here. */
export async function updateProfile(actor: Actor, input: ProfileInput): Promise<Result<null>> {
	if (!can(actor, 'profile:edit-own')) return refused('forbidden');
	const topics = normaliseTopics(input.topics);
	if (topics.length > maxTopics)
		return refused('invalid', 'members.settings.tooManyTopics', 'topics');
	const municipalityId = input.municipalityId;
	if (
		municipalityId &&
		!(isObjectId(municipalityId) && (await Municipality.exists({ _id: oid(municipalityId) })))
	)
		return refused('invalid', 'validation.invalidId', 'municipalityId');
	await Member.updateOne(
		{ _id: oid(actor.id) },
		{
			$set: {
				displayName: input.displayName,
				sortName: sortNameOf(input.displayName),
				municipalityId: municipalityId ? oid(municipalityId) : null,
				jobTitle: input.jobTitle,
				bio: input.bio,
				topics
			}
		}
	);
	memberChanged(actor.id);
	return ok(null);
}

export interface NotificationChoices {
	mentions: boolean;
	replies: boolean;
	workshops: boolean;
	email: boolean;
}

export async function updateNotificationChoices(
	memberId: string,
	choices: NotificationChoices
): Promise<void> {
	await Member.updateOne(
		{ _id: new Types.ObjectId(memberId) },
		{ $set: { notifications: choices } }
	);
}

export const maxAvatarBytes = 2 * 1024 * 1024;
export const avatarSize = 256;

/**
 * Decodes the upload and re-encodes it as a 256x256 WebP: only real images pass, and the
 * re-encoding drops all metadata (location, camera). Returns false for anything else.
 */
export async function setAvatar(memberId: string, upload: Uint8Array): Promise<boolean> {
	if (upload.byteLength === 0 || upload.byteLength > maxAvatarBytes) return false;
	let data: Buffer;
	try {
		data = await sharp(upload, { limitInputPixels: 40_000_000, failOn: 'error' })
			.rotate()
			.resize(avatarSize, avatarSize, { fit: 'cover' })
			.webp({ quality: 82 })
			.toBuffer();
	} catch {
		return false;
	}
	const _id = new Types.ObjectId(memberId);
	await Avatar.updateOne({ _id }, { $set: { contentType: 'image/webp', data } }, { upsert: true });
	await Member.updateOne({ _id }, { $set: { hasAvatar: true }, $inc: { avatarVersion: 1 } });
	memberChanged(memberId);
	return true;
}

export async function removeAvatar(memberId: string): Promise<void> {
	const _id = new Types.ObjectId(memberId);
	await Avatar.deleteOne({ _id });
	await Member.updateOne({ _id }, { $set: { hasAvatar: false }, $inc: { avatarVersion: 1 } });
	memberChanged(memberId);
}

export async function getAvatar(
	memberId: string
): Promise<{ contentType: string; data: Buffer } | null> {
	if (!isObjectId(memberId)) return null;
	const avatar = await Avatar.findById(oid(memberId)).lean();
	if (!avatar) return null;
	// Lean documents hold BSON Binary, not Buffer.
	const raw = avatar.data as unknown;
	const data = Buffer.isBuffer(raw) ? raw : Buffer.from((raw as { buffer: Uint8Array }).buffer);
	return { contentType: avatar.contentType, data };
}

/** Everything the platform keeps about the member in the accounts domain, as plain JSON. */
export async function exportMemberData(memberId: string): Promise<Record<string, unknown>> {
	const _id = new Types.ObjectId(memberId);
	const member = await Member.findById(_id, { passwordHash: 0, sortName: 0, __v: 0 }).lean();
	if (!member) return {};
	const [cohorts, municipality, sessions] = await Promise.all([
		Cohort.find({ _id: trusted({ $in: member.cohortIds }) }, { name: 1 }).lean(),
		member.municipalityId ? Municipality.findById(member.municipalityId, { name: 1 }).lean() : null,
		Session.find(
			{ memberId: _id },
			{ _id: 0, createdAt: 1, lastUsedAt: 1, expiresAt: 1, userAgent: 1 }
		).lean()
	]);
	return {
		exportedAt: new Date().toISOString(),
		profile: {
			id: member._id.toString(),
			email: member.email,
			displayName: member.displayName,
			handle: member.handle,
			roles: member.roles,
			jobTitle: member.jobTitle,
			bio: member.bio,
			topics: member.topics,
			municipality: municipality?.name ?? null,
			cohorts: cohorts.map((c) => c.name),
			locale: member.locale,
			notifications: member.notifications,
			hasAvatar: member.hasAvatar,
			createdAt: (member as { createdAt?: Date }).createdAt ?? null,
			lastSeenAt: member.lastSeenAt
		},
		sessions
	};
}

export const formerMemberName = 'Ehemaliges Mitglied';

/**
 * Deletes the member's own account once their password confirmed it, by anonymising it: posts
 * and messages stay (others replied to them) but show "Ehemaliges Mitglied"; email, password,
 * profile and avatar are gone, sessions end. The only admin cannot leave (nobody could manage
 * the network afterwards).
 */
export async function deleteAccount(
	actor: Actor,
	input: { password: string }
): Promise<Result<null>> {
	if (!can(actor, 'settings:use')) return refused('forbidden');
	if (!(await checkMemberPassword(actor.id, input.password)))
		return refused('invalid', 'members.settings.wrongPassword', 'deletePassword');
	if (await isLastAdmin(actor.id))
		return refused('conflict', 'members.settings.lastAdmin', 'deletePassword');
	const memberId = actor.id;
	const _id = oid(memberId);
	await Avatar.deleteOne({ _id });
	await Member.updateOne(
		{ _id },
		{
			$set: {
				displayName: formerMemberName,
				sortName: 'ehemaliges mitglied',
				handle: `geloescht.${memberId}`,
				email: `geloescht-${memberId}@invalid`,
				passwordHash: '',
				roles: [] as Role[],
				municipalityId: null,
				cohortIds: [],
				jobTitle: '',
				bio: '',
				topics: [],
				hasAvatar: false,
				deactivatedAt: new Date()
			}
		}
	);
	memberChanged(memberId);
	await invalidateMemberSessions(memberId);
	return ok(null);
}
