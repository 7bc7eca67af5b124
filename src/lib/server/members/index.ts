import { Types, trusted } from 'mongoose';
import { hashPassword } from '../auth/passwords';
import { memberChanged } from '../auth/sessions';
import { Member, type Role } from '../db/models';
import { foldText } from '../text';

export interface NewMember {
	email: string;
	displayName: string;
	password: string;
	roles: Role[];
	municipalityId?: string | null;
	cohortIds?: string[];
	jobTitle?: string;
	bio?: string;
	topics?: string[];
	locale?: 'de' | 'en';
}

export function sortNameOf(displayName: string): string {
	return foldText(displayName).trim();
}

/** "Dr. Anna Schulze" -> "anna.schulze" (titles dropped); a number is added while it is taken. */
export async function freeHandle(displayName: string): Promise<string> {
	const words = foldText(displayName)
		.replace(/\b(dr|prof)\.?\s/g, ' ')
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
	const base = (words.join('.') || 'mitglied').slice(0, 38);
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? base : `${base}${n}`;
		if (!(await Member.exists({ handle: candidate }))) return candidate;
	}
}

export async function createMember(input: NewMember): Promise<string> {
	const member = await Member.create({
		email: input.email.toLowerCase().trim(),
		displayName: input.displayName.trim(),
		handle: await freeHandle(input.displayName),
		sortName: sortNameOf(input.displayName),
		passwordHash: await hashPassword(input.password),
		roles: input.roles,
		municipalityId: input.municipalityId ? new Types.ObjectId(input.municipalityId) : null,
		cohortIds: (input.cohortIds ?? []).map((id) => new Types.ObjectId(id)),
		jobTitle: input.jobTitle ?? '',
		bio: input.bio ?? '',
		topics: input.topics ?? [],
		locale: input.locale ?? 'de'
	});
	memberChanged(member._id.toString());
	return member._id.toString();
}

export async function findMemberIdByEmail(email: string): Promise<string | null> {
	const member = await Member.findOne({ email: email.toLowerCase().trim() }, { _id: 1 }).lean();
	return member ? member._id.toString() : null;
}

export async function countMembers(): Promise<number> {
	return Member.countDocuments({ deactivatedAt: null });
}

export async function setLocale(memberId: string, locale: 'de' | 'en'): Promise<void> {
	await Member.updateOne({ _id: new Types.ObjectId(memberId) }, { $set: { locale } });
	memberChanged(memberId);
}

export async function anyAdminExists(): Promise<boolean> {
	return (await Member.exists({ roles: 'admin', deactivatedAt: null })) !== null;
}

/** Resolves @handles to member ids (one query), skipping unknown and deactivated members. */
export async function findMemberIdsByHandles(handles: string[]): Promise<Map<string, string>> {
	if (handles.length === 0) return new Map();
	const rows = await Member.find(
		{ handle: trusted({ $in: handles.slice(0, 50) }), deactivatedAt: null },
		{ handle: 1 }
	).lean();
	return new Map(rows.map((r) => [r.handle, r._id.toString()]));
}

export {
	decodeCursor,
	getOwnProfile,
	getProfileByHandle,
	listDirectory,
	listTopics,
	type DirectoryFilter,
	type MemberCard,
	type ProfileDto
} from './directory';
export {
	deleteAccount,
	exportMemberData,
	formerMemberName,
	getAvatar,
	maxAvatarBytes,
	normaliseTopics,
	removeAvatar,
	setAvatar,
	updateNotificationChoices,
	updateProfile,
	type NotificationChoices,
	type ProfileInput
} from './account';
export {
	getMemberForAdmin,
	isLastAdmin,
	listMembersForAdmin,
	setActive,
	setCohorts,
	setRoles,
	type AdminMemberRow
} from './admin';
