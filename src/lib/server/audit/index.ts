import { trusted } from 'mongoose';
import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { AuditEntry, Member } from '../db/models';
import { ok, refused, type Result } from '../result';

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

/** Records a moderation or admin action. Services call it after the action succeeded. */
export async function record(entry: {
	actorId: string;
	action: string;
	targetType: string;
	targetId: string;
	summary?: string;
	details?: Record<string, unknown>;
}): Promise<void> {
	await AuditEntry.create({ ...entry, actorId: oid(entry.actorId) });
}

/** The whole log for moderators and admins; organisers see their own entries. */
function auditScope(actor: Actor): 'all' | 'own' | null {
	if (can(actor, 'audit:view')) return 'all';
	return can(actor, 'audit:view-own') ? 'own' : null;
}

/** Newest first, by cursor; actor names resolved in one query for the page. */
export async function listAuditEntries(
	actor: Actor,
	input: {
		cursor?: string | null;
		limit?: number;
		targetType?: string;
		targetId?: string;
	} = {}
): Promise<Result<{ items: AuditEntryDto[]; nextCursor: string | null }>> {
	const scope = auditScope(actor);
	if (!scope) return refused('forbidden');
	const limit = input.limit ?? 50;
	const query: Record<string, unknown> = {};
	if (scope === 'own') query.actorId = oid(actor.id);
	if (input.targetType) query.targetType = input.targetType;
	if (input.targetId) query.targetId = input.targetId;
	if (isObjectId(input.cursor)) query._id = trusted({ $lt: oid(input.cursor) });
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
	return ok({
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
	});
}

/**
 * One page of the log as the admin and moderation areas show it, with the flag whether the
 * viewer may open the member pages it links to.
 */
export async function auditLogPage(
	actor: Actor,
	cursor: string | null
): Promise<
	Result<{
		entries: AuditEntryDto[];
		nextCursor: string | null;
		linkMembers: boolean;
		/** Only the viewer's own entries (an organiser's log). */
		own: boolean;
	}>
> {
	const page = await listAuditEntries(actor, { cursor });
	if (!page.ok) return page;
	return ok({
		entries: page.value.items,
		nextCursor: page.value.nextCursor,
		linkMembers: can(actor, 'member:manage'),
		own: auditScope(actor) === 'own'
	});
}
