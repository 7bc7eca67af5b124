import { Types, trusted } from 'mongoose';
import * as cache from '../cache';
import { Cohort, Member, Municipality, type Role } from '../db/models';
import { networkRoles } from '$lib/roles';
import { escapeRegExp, foldText } from '../text';
import { can, type Actor } from '../auth/permissions';
import { isObjectId } from '../db/ids';
import { ok, refused, type Result } from '../result';

/** What a directory row and a profile page show of a member; never email or password. */
export interface MemberCard {
	id: string;
	handle: string;
	displayName: string;
	jobTitle: string;
	municipality: string | null;
	cohorts: { id: string; name: string }[];
	topics: string[];
	hasAvatar: boolean;
	avatarVersion: number;
}

export interface ProfileDto extends MemberCard {
	bio: string;
	roles: Role[];
	municipalityId: string | null;
	memberSince: string;
}

export interface DirectoryFilter {
	cohortId?: string | null;
	municipalityId?: string | null;
	topic?: string | null;
	q?: string | null;
	cursor?: string | null;
	limit?: number;
}

/** Cursor = base64url("sortName\0id"): the position after the last row of the previous page. */
export function encodeCursor(sortName: string, id: string): string {
	return Buffer.from(`${sortName}\u0000${id}`).toString('base64url');
}

export function decodeCursor(
	cursor: string | null | undefined
): { sortName: string; id: string } | null {
	if (!cursor || cursor.length > 400) return null;
	const [sortName, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('\u0000');
	if (extra !== undefined || sortName === undefined || !isObjectId(id)) return null;
	return { sortName, id };
}

/** The filter for "after this cursor" in (sortName, _id) order, or null without a valid cursor. */
export function afterCursor(cursor: string | null | undefined): Record<string, unknown> | null {
	const after = decodeCursor(cursor);
	if (!after) return null;
	return {
		$or: [
			{ sortName: trusted({ $gt: after.sortName }) },
			{ sortName: after.sortName, _id: trusted({ $gt: new Types.ObjectId(after.id) }) }
		]
	};
}

type CardLean = {
	_id: Types.ObjectId;
	handle: string;
	displayName: string;
	jobTitle?: string | null;
	municipalityId?: Types.ObjectId | null;
	cohortIds: Types.ObjectId[];
	topics: string[];
	hasAvatar: boolean;
	avatarVersion: number;
};

const cardFields = {
	handle: 1,
	displayName: 1,
	sortName: 1,
	jobTitle: 1,
	municipalityId: 1,
	cohortIds: 1,
	topics: 1,
	hasAvatar: 1,
	avatarVersion: 1
};

/** Resolves municipality and cohort names for a page of members: two queries, not one per row. */
async function toCards(rows: CardLean[]): Promise<MemberCard[]> {
	const municipalityIds = [
		...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId.toString()] : [])))
	];
	const cohortIds = [...new Set(rows.flatMap((r) => r.cohortIds.map(String)))];
	const [municipalities, cohorts] = await Promise.all([
		municipalityIds.length
			? Municipality.find({ _id: trusted({ $in: municipalityIds }) }, { name: 1 }).lean()
			: [],
		cohortIds.length ? Cohort.find({ _id: trusted({ $in: cohortIds }) }, { name: 1 }).lean() : []
	]);
	const mNames = new Map(municipalities.map((m) => [m._id.toString(), m.name]));
	const cNames = new Map(cohorts.map((c) => [c._id.toString(), c.name]));
	return rows.map((r) => ({
		id: r._id.toString(),
		handle: r.handle,
		displayName: r.displayName,
		jobTitle: r.jobTitle ?? '',
		municipality: r.municipalityId ? (mNames.get(r.municipalityId.toString()) ?? null) : null,
		cohorts: r.cohortIds
			.map(String)
			.filter((id) => cNames.has(id))
			.map((id) => ({ id, name: cNames.get(id)! })),
		topics: r.topics,
		hasAvatar: r.hasAvatar,
		avatarVersion: r.avatarVersion
	}));
}

/**
 * The member directory: active network members (not supervisor-only guests), sorted by name,
 * filtered by cohort, municipality, topic and a name prefix, paged by (sortName, _id) cursor
 * on the matching compound index.
 */
export async function listDirectory(
	actor: Actor,
	filter: DirectoryFilter
): Promise<Result<{ items: MemberCard[]; nextCursor: string | null }>> {
	if (!can(actor, 'directory:view')) return refused('forbidden');
	const limit = Math.min(Math.max(filter.limit ?? 30, 1), 100);
	const key = JSON.stringify([
		filter.cohortId,
		filter.municipalityId,
		filter.topic,
		filter.q,
		filter.cursor,
		limit
	]);
	// The same page for every viewer who may see the directory (checked above, per call).
	return ok(await directoryPages.get(`page:${key}`, () => queryDirectory(filter, limit), pageTags));
}

const directoryPages = cache.named<DirectoryPage | string[]>('directory');
type DirectoryPage = { items: MemberCard[]; nextCursor: string | null };
/** A page names members, cohorts and municipalities; any change to those drops it. */
const pageTags = () => [cache.tags.directory, cache.tags.cohorts, cache.tags.municipalities];

async function queryDirectory(filter: DirectoryFilter, limit: number): Promise<DirectoryPage> {
	const query: Record<string, unknown> = {
		deactivatedAt: null,
		roles: trusted({ $in: [...networkRoles] })
	};
	if (filter.cohortId) query.cohortIds = new Types.ObjectId(filter.cohortId);
	if (filter.municipalityId) query.municipalityId = new Types.ObjectId(filter.municipalityId);
	if (filter.topic) query.topics = filter.topic;
	const q = filter.q ? foldText(filter.q).trim() : '';
	// Prefix of the name or of any later word in it ("schul" finds "Anna Schulze").
	const namePrefix = q ? new RegExp(`(^|[ -])${escapeRegExp(q)}`) : null;
	const conditions: Record<string, unknown>[] = [];
	if (namePrefix) conditions.push({ sortName: namePrefix });
	const after = afterCursor(filter.cursor);
	if (after) conditions.push(after);
	if (conditions.length) query.$and = conditions;
	const rows = (await Member.find(query, cardFields)
		.sort({ sortName: 1, _id: 1 })
		.limit(limit + 1)
		.lean()) as (CardLean & { sortName: string })[];
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		items: await toCards(page),
		nextCursor:
			rows.length > limit && last ? encodeCursor(last.sortName, last._id.toString()) : null
	};
}

/**
 * The topics members named, most common first, for the directory's topic filter (the
 * aggregation scans every member; cached until a member changes).
 */
export function listTopics(limit = 100): Promise<string[]> {
	return directoryPages.get(
		`topics:${limit}`,
		() => aggregateTopics(limit),
		() => [cache.tags.directory]
	);
}

async function aggregateTopics(limit: number): Promise<string[]> {
	const rows = await Member.aggregate<{ _id: string; n: number }>([
		{ $match: { deactivatedAt: null } },
		{ $unwind: '$topics' },
		{ $group: { _id: '$topics', n: { $sum: 1 } } },
		{ $sort: { n: -1, _id: 1 } },
		{ $limit: limit }
	]);
	return rows.map((r) => r._id).sort((a, b) => a.localeCompare(b, 'de'));
}

/** A profile by @handle; deactivated and deleted members are not found. */
export async function getProfileByHandle(
	actor: Actor,
	input: { handle: string }
): Promise<Result<ProfileDto>> {
	if (!can(actor, 'profile:view')) return refused('forbidden');
	const { handle } = input;
	if (!/^[a-z0-9.]{1,60}$/.test(handle)) return refused('not_found');
	const profile = await profiles.get(
		`profile:${handle}`,
		() => readProfile(handle),
		(p) => [cache.tags.member(p.id), cache.tags.cohorts, cache.tags.municipalities]
	);
	return profile ? ok(profile) : refused('not_found');
}

const profiles = cache.named<ProfileDto | null>('profiles');

async function readProfile(handle: string): Promise<ProfileDto | null> {
	const row = await Member.findOne(
		{ handle, deactivatedAt: null },
		{ ...cardFields, bio: 1, roles: 1, createdAt: 1 }
	).lean();
	if (!row) return null;
	const [card] = await toCards([row as CardLean]);
	return {
		...card!,
		bio: row.bio ?? '',
		roles: row.roles as Role[],
		municipalityId: row.municipalityId ? row.municipalityId.toString() : null,
		memberSince: (row as { createdAt: Date }).createdAt.toISOString()
	};
}

export async function getOwnProfile(memberId: string) {
	const row = await Member.findById(new Types.ObjectId(memberId), {
		...cardFields,
		bio: 1,
		roles: 1,
		notifications: 1,
		locale: 1,
		email: 1
	}).lean();
	if (!row) return null;
	const [card] = await toCards([row as CardLean]);
	return {
		...card!,
		email: row.email,
		bio: row.bio ?? '',
		municipalityId: row.municipalityId ? row.municipalityId.toString() : null,
		locale: row.locale === 'en' ? ('en' as const) : ('de' as const),
		notifications: {
			mentions: row.notifications?.mentions ?? true,
			replies: row.notifications?.replies ?? true,
			workshops: row.notifications?.workshops ?? true,
			email: row.notifications?.email ?? false
		}
	};
}
