import { Types, trusted } from 'mongoose';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { invalidateMemberSessions, memberChanged } from '../auth/sessions';
import { refreshMemberSockets } from '../realtime/rights';
import { isObjectId, oid } from '../db/ids';
import { Cohort, Member, type Role } from '../db/models';
import { ok, refused, type Result } from '../result';
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
export async function listMembersForAdmin(
	actor: Actor,
	filter: {
		q?: string | null;
		role?: Role | null;
		cursor?: string | null;
		limit?: number;
	}
): Promise<Result<{ items: AdminMemberRow[]; nextCursor: string | null }>> {
	if (!can(actor, 'member:manage')) return refused('forbidden');
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
	return ok({
		items: page.map(toAdminRow),
		nextCursor:
			rows.length > limit && last ? encodeCursor(last.sortName, last._id.toString()) : null
	});
}

async function findAdminRow(id: string): Promise<AdminMemberRow | null> {
	const r = isObjectId(id) ? await Member.findById(oid(id)).lean() : null;
	return r ? toAdminRow(r) : null;
}

export async function getMemberForAdmin(actor: Actor, id: string): Promise<Result<AdminMemberRow>> {
	if (!can(actor, 'member:manage')) return refused('forbidden');
	const row = await findAdminRow(id);
	return row ? ok(row) : refused('not_found');
}

/**
 * The member an admin change is about, once the actor may manage members; the change itself
 * then runs, and is audited with its summary. A refusal writes and records nothing.
 */
async function changeMember(
	actor: Actor,
	memberId: string,
	action: string,
	change: (member: AdminMemberRow) => Promise<Result<{ row: AdminMemberRow; summary: string }>>
): Promise<Result<AdminMemberRow>> {
	if (!can(actor, 'member:manage')) return refused('forbidden');
	const member = await findAdminRow(memberId);
	if (!member) return refused('not_found');
	const changed = await change(member);
	if (!changed.ok) return changed;
	await record({
		actorId: actor.id,
		action: `member.${action}`,
		targetType: 'member',
		targetId: memberId,
		summary: changed.value.summary
	});
	return ok(changed.value.row);
}

/** Sets a member's roles. An admin cannot take their own admin role (no lock-out). */
export function setRoles(
	actor: Actor,
	input: { memberId: string; roles: Role[] }
): Promise<Result<AdminMemberRow>> {
	return changeMember(actor, input.memberId, 'roles', async (member) => {
		if (actor.id === member.id && !input.roles.includes('admin'))
			return refused('invalid', 'admin.members.ownAdminRole', 'roles');
		const roles = [...new Set(input.roles)];
		await Member.updateOne({ _id: oid(member.id) }, { $set: { roles } });
		memberChanged(member.id);
		await refreshMemberSockets(member.id);
		return ok({
			row: { ...member, roles },
			summary: `${member.roles.join(',') || '—'} -> ${roles.join(',') || '—'}`
		});
	});
}

/** Sets the cohorts (and so the cohort channels) of a member. */
export function setCohorts(
	actor: Actor,
	input: { memberId: string; cohortIds: string[] }
): Promise<Result<AdminMemberRow>> {
	return changeMember(actor, input.memberId, 'cohorts', async (member) => {
		const ids = [...new Set(input.cohortIds)];
		const found = ids.every(isObjectId)
			? await Cohort.countDocuments({ _id: trusted({ $in: ids.map(oid) }) })
			: -1;
		if (found !== ids.length) return refused('invalid', 'validation.invalidId', 'cohortIds');
		await Member.updateOne({ _id: oid(member.id) }, { $set: { cohortIds: ids.map(oid) } });
		memberChanged(member.id);
		await refreshMemberSockets(member.id);
		return ok({ row: { ...member, cohortIds: ids }, summary: `${ids.length}` });
	});
}

/**
 * Deactivates (every session ends at once and live sockets drop) or reactivates a member.
 * Nobody deactivates themselves here.
 */
export function setActive(
	actor: Actor,
	input: { memberId: string; active: boolean }
): Promise<Result<AdminMemberRow>> {
	const action = input.active ? 'reactivate' : 'deactivate';
	return changeMember(actor, input.memberId, action, async (member) => {
		if (actor.id === member.id) return refused('invalid', 'admin.members.notSelf', 'access');
		await Member.updateOne(
			{ _id: oid(member.id) },
			{ $set: { deactivatedAt: input.active ? null : new Date() } }
		);
		memberChanged(member.id);
		if (!input.active) await invalidateMemberSessions(member.id);
		await refreshMemberSockets(member.id);
		return ok({
			row: { ...member, active: input.active },
			summary: input.active ? 'reactivated' : 'deactivated'
		});
	});
}

/** True when the member is the only active admin: deleting that account would lock everyone out. */
export async function isLastAdmin(memberId: string): Promise<boolean> {
	const admins = await Member.find({ roles: 'admin', deactivatedAt: null }, { _id: 1 })
		.limit(2)
		.lean();
	return admins.length === 1 && admins[0]!._id.toString() === memberId;
}
