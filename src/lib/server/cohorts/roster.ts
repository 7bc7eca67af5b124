import { trusted, type Types } from 'mongoose';
import type { Role } from '$lib/roles';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { memberChanged } from '../auth/sessions';
import { isObjectId } from '../db/ids';
import { Cohort, Member, Municipality } from '../db/models';
import { refreshMemberSockets } from '../realtime/rights';
import { ok, refused, type Result } from '../result';
import { escapeRegExp, foldText } from '../text';

/**
 * Staffing a cohort from its own page: organisers list, add and remove its members. Membership
 * of a cohort is membership of its channel, so every change moves the member's live sockets.
 */

export interface CohortMemberDto {
	id: string;
	displayName: string;
	municipality: string | null;
	roles: Role[];
	active: boolean;
}

type MemberLean = {
	_id: Types.ObjectId;
	displayName: string;
	municipalityId?: Types.ObjectId | null;
	roles: string[];
	deactivatedAt?: Date | null;
};

const memberFields = { displayName: 1, sortName: 1, municipalityId: 1, roles: 1, deactivatedAt: 1 };
/** How many candidates the member picker offers for one query. */
export const candidateLimit = 10;

async function toDtos(rows: MemberLean[]): Promise<CohortMemberDto[]> {
	const ids = [...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])))];
	const towns = await Municipality.find({ _id: trusted({ $in: ids }) }, { name: 1 }).lean();
	const townOf = new Map(towns.map((t) => [t._id.toString(), t.name]));
	return rows.map((r) => ({
		id: r._id.toString(),
		displayName: r.displayName,
		municipality: r.municipalityId ? (townOf.get(r.municipalityId.toString()) ?? null) : null,
		roles: r.roles as Role[],
		active: !r.deactivatedAt
	}));
}

async function findCohort(actor: Actor, cohortId: string) {
	if (!can(actor, 'cohort:manage')) return refused('forbidden');
	const cohort = isObjectId(cohortId)
		? await Cohort.findById(cohortId, { name: 1 }).lean<{ _id: Types.ObjectId; name: string }>()
		: null;
	return cohort ? ok(cohort) : refused('not_found');
}

/**
 * The cohort's members by name and, for a query, up to ten active members outside it whose name
 * begins with it (any word of the name, umlauts folded as in the directory).
 */
export async function cohortRoster(
	actor: Actor,
	input: { cohortId: string; q?: string | null }
): Promise<Result<{ members: CohortMemberDto[]; candidates: CohortMemberDto[] | null }>> {
	const cohort = await findCohort(actor, input.cohortId);
	if (!cohort.ok) return cohort;
	const rows = await Member.find({ cohortIds: cohort.value._id }, memberFields)
		.sort({ sortName: 1, _id: 1 })
		.limit(500)
		.lean<MemberLean[]>();
	const q = foldText(input.q?.trim() ?? '');
	const candidates = q
		? await Member.find(
				{
					sortName: new RegExp(`(^|[ -])${escapeRegExp(q)}`),
					cohortIds: trusted({ $ne: cohort.value._id }),
					deactivatedAt: null
				},
				memberFields
			)
				.sort({ sortName: 1, _id: 1 })
				.limit(candidateLimit)
				.lean<MemberLean[]>()
		: null;
	return ok({ members: await toDtos(rows), candidates: candidates && (await toDtos(candidates)) });
}

/** Adds a member to the cohort or takes them out; audited on the cohort, sockets moved at once. */
export async function changeCohortMembership(
	actor: Actor,
	input: { cohortId: string; memberId: string; change: 'add' | 'remove' }
): Promise<Result<{ displayName: string }>> {
	const cohort = await findCohort(actor, input.cohortId);
	if (!cohort.ok) return cohort;
	const member = isObjectId(input.memberId)
		? await Member.findById(input.memberId, { displayName: 1, cohortIds: 1 }).lean<{
				_id: Types.ObjectId;
				displayName: string;
				cohortIds: Types.ObjectId[];
			}>()
		: null;
	if (!member) return refused('not_found');
	const cohortId = cohort.value._id;
	const isIn = member.cohortIds.some((id) => id.equals(cohortId));
	// Nothing to change (already in it, or already out): nothing to record or to move.
	if (isIn === (input.change === 'add')) return ok({ displayName: member.displayName });
	await Member.updateOne(
		{ _id: member._id },
		input.change === 'add'
			? { $addToSet: { cohortIds: cohortId } }
			: { $pull: { cohortIds: cohortId } }
	);
	memberChanged(input.memberId);
	await refreshMemberSockets(input.memberId);
	await record({
		actorId: actor.id,
		action: `cohort.member-${input.change}`,
		targetType: 'cohort',
		targetId: cohortId.toString(),
		summary: `${cohort.value.name}: ${member.displayName}`
	});
	return ok({ displayName: member.displayName });
}
