import { Types, trusted } from 'mongoose';
import { can, type Actor } from '../auth/permissions';
import { AuditEntry, Member } from '../db/models';

export interface AuditEntryDto {
	id: string;
	actorId: string;
	actorName: string;
	action: string;
	targetType: string;
	targetId: string;
	summary: string;
	createdAt: string;
}

/** Records a moderation or admin action. Call it after the action succeeded. */
export async function record(entry: {
	actorId: string;
	action: string;
	targetType: string;
	targetId: string;
	summary?: string;
	details?: Record<string, unknown>;
}): Promise<void> {
	await AuditEntry.create({ ...entry, actorId: new Types.ObjectId(entry.actorId) });
}

/** Newest first, by cursor; actor names resolved in one query for the page. */
export async function listAuditEntries(
	cursor: string | null,
	limit = 50,
	filter: { targetType?: string; targetId?: string } = {}
): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
	const query: Record<string, unknown> = {};
	if (filter.targetType) query.targetType = filter.targetType;
	if (filter.targetId) query.targetId = filter.targetId;
	if (cursor && Types.ObjectId.isValid(cursor))
		query._id = trusted({ $lt: new Types.ObjectId(cursor) });
	const rows = await AuditEntry.find(query)
		.sort({ _id: -1 })
		.limit(limit + 1)
		.lean();
	const page = rows.slice(0, limit);
	const actors = await Member.find(
		{ _id: trusted({ $in: [...new Set(page.map((r) => r.actorId.toString()))] }) },
		{ displayName: 1 }
	).lean();
	const names = new Map(actors.map((a) => [a._id.toString(), a.displayName]));
	return {
		items: page.map((r) => ({
			id: r._id.toString(),
			actorId: r.actorId.toString(),
			actorName: names.get(r.actorId.toString()) ?? '—',
			action: r.action,
			targetType: r.targetType,
			targetId: r.targetId,
			summary: r.summary ?? '',
			createdAt: r.createdAt.toISOString()
		})),
		nextCursor: rows.length > limit ? page.at(-1)!._id.toString() : null
	};
}

/**
 * One page of the log as the admin and moderation areas show it, with the flag whether the
 * viewer may open the member pages it links to.
 */
export async function auditLogPage(actor: Actor, cursor: string | null) {
	const page = await listAuditEntries(cursor);
	return {
		entries: page.items,
		nextCursor: page.nextCursor,
		linkMembers: can(actor, 'member:manage')
	};
}
