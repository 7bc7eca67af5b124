import { Types, trusted } from 'mongoose';
import { invalidateMemberSessions } from '../auth/sessions';
import { refreshMemberSockets } from '../realtime/rights';
import { Cohort, Member, type Role } from '../db/models';
import { escapeRegExp, foldText } from '../text';
import { afterCursor, encodeCursor } from './directory';

export interface AdminMemberRow {
	id: string;
	handle: string;
	displayName: string;
	email: string;
	roles: Role[];
	cohortIds: string[];
	active: boolean;
	lastSeenAt: string | null;
}

function toAdminRow(r: {
	_id: Types.ObjectId;
	handle: string;
	displayName: string;
	email: string;
	roles: string[];
	cohortIds: Types.ObjectId[];
	deactivatedAt?: Date | null;
	lastSeenAt?: Date | null;
}): AdminMemberRow {
	return {
		id: r._id.toString(),
		handle: r.handle,
		displayName: r.displayName,
		email: r.email,
		roles: r.roles as Role[],
		cohortIds: r.cohortIds.map(String),
		active: !r.deactivatedAt,
		lastSeenAt: r.lastSeenAt ? r.lastSeenAt.toISOString() : null
	};
}

/** Admin member list: everyone incl. deactivated, by name, search in name or email prefix. */
export async function listMembersForAdmin(filter: {
	q?: string | null;
	role?: Role | null;
	cursor?: string | null;
	limit?: number;
}): Promise<{ items: AdminMemberRow[]; nextCursor: string | null }> {
	const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
	const query: Record<string, unknown> = {};
	if (filter.role) query.roles = filter.role;
	const conditions: Record<string, unknown>[] = [];
	const q = filter.q?.trim();
	if (q) {
		conditions.push({
			$or: [
				{ sortName: new RegExp(`(^|[ -])${escapeRegExp(foldText(q))}`) },
				{ email: new RegExp(`^${escapeRegExp(q.toLowerCase())}`) }
			]
		});
	}
	const after = afterCursor(filter.cursor);
	if (after) conditions.push(after);
	if (conditions.length) query.$and = conditions;
	const rows = await Member.find(query, {
		handle: 1,
		displayName: 1,
		sortName: 1,
		email: 1,
		roles: 1,
		cohortIds: 1,
		deactivatedAt: 1,
		lastSeenAt: 1
	})
		.sort({ sortName: 1, _id: 1 })
		.limit(limit + 1)
		.lean();
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		items: page.map(toAdminRow),
		nextCursor:
			rows.length > limit && last ? encodeCursor(last.sortName, last._id.toString()) : null
	};
}

export async function getMemberForAdmin(id: string): Promise<AdminMemberRow | null> {
	if (!Types.ObjectId.isValid(id)) return null;
	const r = await Member.findById(new Types.ObjectId(id)).lean();
	return r ? toAdminRow(r) : null;
}

export type AdminChange =
	| { ok: true; summary: string }
	| { ok: false; reason: 'not_found' | 'own_admin_role' | 'self' | 'unknown_cohort' };

/** Sets a member's roles. An admin cannot take their own admin role (no lock-out). */
export async function setRoles(
	actorId: string,
	memberId: string,
	roles: Role[]
): Promise<AdminChange> {
	const member = await getMemberForAdmin(memberId);
	if (!member) return { ok: false, reason: 'not_found' };
	if (actorId === memberId && !roles.includes('admin'))
		return { ok: false, reason: 'own_admin_role' };
	const unique = [...new Set(roles)];
	await Member.updateOne({ _id: new Types.ObjectId(memberId) }, { $set: { roles: unique } });
	await refreshMemberSockets(memberId);
	return { ok: true, summary: `${member.roles.join(',') || '—'} -> ${unique.join(',') || '—'}` };
}

/** Sets the cohorts (and so the cohort channels) of a member. */
export async function setCohorts(memberId: string, cohortIds: string[]): Promise<AdminChange> {
	const member = await getMemberForAdmin(memberId);
	if (!member) return { ok: false, reason: 'not_found' };
	const ids = [...new Set(cohortIds)];
	const found = ids.length
		? await Cohort.countDocuments({
				_id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) })
			})
		: 0;
	if (found !== ids.length) return { ok: false, reason: 'unknown_cohort' };
	await Member.updateOne(
		{ _id: new Types.ObjectId(memberId) },
		{ $set: { cohortIds: ids.map((id) => new Types.ObjectId(id)) } }
	);
	await refreshMemberSockets(memberId);
	return { ok: true, summary: `${ids.length}` };
}

/**
 * Deactivates (every session ends at once and live sockets drop) or reactivates a member.
 * Nobody deactivates themselves here.
 */
export async function setActive(
	actorId: string,
	memberId: string,
	active: boolean
): Promise<AdminChange> {
	if (actorId === memberId) return { ok: false, reason: 'self' };
	const member = await getMemberForAdmin(memberId);
	if (!member) return { ok: false, reason: 'not_found' };
	await Member.updateOne(
		{ _id: new Types.ObjectId(memberId) },
		{ $set: { deactivatedAt: active ? null : new Date() } }
	);
	if (!active) await invalidateMemberSessions(memberId);
	await refreshMemberSockets(memberId);
	return { ok: true, summary: active ? 'reactivated' : 'deactivated' };
}

/** True when the member is the only active admin: deleting that account would lock everyone out. */
export async function isLastAdmin(memberId: string): Promise<boolean> {
	const admins = await Member.find({ roles: 'admin', deactivatedAt: null }, { _id: 1 })
		.limit(2)
		.lean();
	return admins.length === 1 && admins[0]!._id.toString() === memberId;
}
