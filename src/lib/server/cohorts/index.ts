import { Types } from 'mongoose';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { Channel, Cohort, Member, Municipality } from '../db/models';
import { uniqueWrite } from '../db/errors';
import { isObjectId } from '../db/ids';
import * as cache from '../cache';
import { ok, refused, type Result } from '../result';
import { slugify } from '../text';

export interface CohortDto {
	id: string;
	name: string;
	slug: string;
	programme: 'brandenburg' | 'federal';
	startsOn: string;
	endsOn: string;
}

export interface MunicipalityDto {
	id: string;
	name: string;
	district: string;
	state: string;
}

type CohortLean = {
	_id: Types.ObjectId;
	name: string;
	slug: string;
	programme: string;
	startsOn: Date;
	endsOn: Date;
};

export function toCohortDto(c: CohortLean): CohortDto {
	return {
		id: c._id.toString(),
		name: c.name,
		slug: c.slug,
		programme: c.programme === 'federal' ? 'federal' : 'brandenburg',
		startsOn: c.startsOn.toISOString().slice(0, 10),
		endsOn: c.endsOn.toISOString().slice(0, 10)
	};
}

export interface CohortInput {
	name: string;
	programme: 'brandenburg' | 'federal';
	startsOn: Date;
	endsOn: Date;
}

function checkCohort(actor: Actor, input: CohortInput): Result<null> {
	if (!can(actor, 'cohort:manage')) return refused('forbidden');
	if (input.endsOn <= input.startsOn)
		return refused('invalid', 'admin.cohorts.endBeforeStart', 'endsOn');
	return ok(null);
}

const duplicateCohort = () => refused('conflict', 'admin.cohorts.duplicate', 'name');

function recordCohort(actor: Actor, action: string, cohort: CohortDto) {
	return record({
		actorId: actor.id,
		action: `cohort.${action}`,
		targetType: 'cohort',
		targetId: cohort.id,
		summary: cohort.name
	});
}

/** Creates a cohort together with its realtime channel (membership of one is membership of both). */
export async function createCohort(actor: Actor, input: CohortInput): Promise<Result<CohortDto>> {
	const checked = checkCohort(actor, input);
	if (!checked.ok) return checked;
	const slug = slugify(input.name);
	const created = await uniqueWrite(() => Cohort.create({ ...input, slug }), duplicateCohort());
	if (!created.ok) return created;
	await ensureCohortChannel(created.value._id, input.name, slug);
	cache.invalidateTags(cache.tags.cohorts);
	const cohort = toCohortDto(created.value);
	await recordCohort(actor, 'create', cohort);
	return ok(cohort);
}

export async function ensureCohortChannel(cohortId: Types.ObjectId, name: string, slug: string) {
	await Channel.updateOne(
		{ kind: 'cohort', cohortId },
		{
			$setOnInsert: {
				kind: 'cohort',
				cohortId,
				name,
				slug: slug.startsWith('durchgang') ? slug : `durchgang-${slug}`,
				lastSeq: 0
			}
		},
		{ upsert: true }
	);
}

export async function updateCohort(
	actor: Actor,
	input: CohortInput & { id: string }
): Promise<Result<CohortDto>> {
	const checked = checkCohort(actor, input);
	if (!checked.ok) return checked;
	const { id, ...fields } = input;
	if (!isObjectId(id)) return refused('not_found');
	const updated = await uniqueWrite(
		() => Cohort.findByIdAndUpdate(id, { $set: fields }, { returnDocument: 'after' }).lean(),
		duplicateCohort()
	);
	if (!updated.ok) return updated;
	if (!updated.value) return refused('not_found');
	await Channel.updateOne(
		{ kind: 'cohort', cohortId: updated.value._id },
		{ $set: { name: fields.name } }
	);
	cache.invalidateTags(cache.tags.cohorts);
	const cohort = toCohortDto(updated.value);
	await recordCohort(actor, 'update', cohort);
	return ok(cohort);
}

const lists = cache.named<CohortDto[] | MunicipalityDto[]>('directory');

export function listCohorts(): Promise<CohortDto[]> {
	return lists.get(
		'cohorts',
		async () => {
			const cohorts = await Cohort.find(
				{},
				{ name: 1, slug: 1, programme: 1, startsOn: 1, endsOn: 1 }
			)
				.sort({ startsOn: 1 })
				.limit(500)
				.lean();
			return cohorts.map(toCohortDto);
		},
		() => [cache.tags.cohorts]
	);
}

/** One cohort for its edit page. */
export async function getCohort(actor: Actor, id: string): Promise<Result<CohortDto>> {
	if (!can(actor, 'cohort:manage')) return refused('forbidden');
	const cohort = isObjectId(id) ? await Cohort.findById(id).lean() : null;
	return cohort ? ok(toCohortDto(cohort)) : refused('not_found');
}

/** The admin list: every cohort with its number of active members. */
export async function listCohortsWithCounts(
	actor: Actor
): Promise<Result<Array<CohortDto & { members: number }>>> {
	if (!can(actor, 'cohort:manage')) return refused('forbidden');
	const [list, counts] = await Promise.all([listCohorts(), countMembersByCohort()]);
	return ok(list.map((c) => ({ ...c, members: counts.get(c.id) ?? 0 })));
}

/** Member counts per cohort in one aggregation (no query per cohort). */
export async function countMembersByCohort(): Promise<Map<string, number>> {
	const rows = await Member.aggregate<{ _id: Types.ObjectId; count: number }>([
		{ $match: { deactivatedAt: null } },
		{ $unwind: '$cohortIds' },
		{ $group: { _id: '$cohortIds', count: { $sum: 1 } } }
	]);
	return new Map(rows.map((r) => [r._id.toString(), r.count]));
}

export function toMunicipalityDto(m: {
	_id: Types.ObjectId;
	name: string;
	district?: string | null;
	state: string;
}): MunicipalityDto {
	return { id: m._id.toString(), name: m.name, district: m.district ?? '', state: m.state };
}

export function listMunicipalities(): Promise<MunicipalityDto[]> {
	return lists.get(
		'municipalities',
		async () => {
			const rows = await Municipality.find({}, { name: 1, district: 1, state: 1 })
				.sort({ name: 1 })
				.limit(2000)
				.lean();
			return rows.map(toMunicipalityDto);
		},
		() => [cache.tags.municipalities]
	);
}

export interface MunicipalityInput {
	name: string;
	district: string;
	state: string;
}

const duplicateMunicipality = () => refused('conflict', 'admin.municipalities.duplicate', 'name');

function recordMunicipality(actor: Actor, action: string, m: MunicipalityDto) {
	return record({
		actorId: actor.id,
		action: `municipality.${action}`,
		targetType: 'municipality',
		targetId: m.id,
		summary: `${m.name} (${m.state})`
	});
}

export async function getMunicipality(actor: Actor, id: string): Promise<Result<MunicipalityDto>> {
	if (!can(actor, 'municipality:manage')) return refused('forbidden');
	const row = isObjectId(id) ? await Municipality.findById(id).lean() : null;
	return row ? ok(toMunicipalityDto(row)) : refused('not_found');
}

export async function createMunicipality(
	actor: Actor,
	input: MunicipalityInput
): Promise<Result<MunicipalityDto>> {
	if (!can(actor, 'municipality:manage')) return refused('forbidden');
	const created = await uniqueWrite(() => Municipality.create(input), duplicateMunicipality());
	if (!created.ok) return created;
	cache.invalidateTags(cache.tags.municipalities);
	const municipality = toMunicipalityDto(created.value);
	await recordMunicipality(actor, 'create', municipality);
	return ok(municipality);
}

export async function updateMunicipality(
	actor: Actor,
	input: MunicipalityInput & { id: string }
): Promise<Result<MunicipalityDto>> {
	if (!can(actor, 'municipality:manage')) return refused('forbidden');
	const { id, ...fields } = input;
	if (!isObjectId(id)) return refused('not_found');
	const updated = await uniqueWrite(
		() => Municipality.findByIdAndUpdate(id, { $set: fields }, { returnDocument: 'after' }).lean(),
		duplicateMunicipality()
	);
	if (!updated.ok) return updated;
	if (!updated.value) return refused('not_found');
	// Directory pages and profiles show the municipality's name.
	cache.invalidateTags(cache.tags.directory, cache.tags.municipalities);
	const municipality = toMunicipalityDto(updated.value);
	await recordMunicipality(actor, 'update', municipality);
	return ok(municipality);
}

export interface NetworkOverview {
	memberCount: number;
	cohorts: Array<CohortDto & { memberCount: number }>;
}

/** Cohorts with member counts for the start page, until a cohort or member changes. */
export function networkOverview(): Promise<NetworkOverview> {
	const overviews = cache.named<NetworkOverview>('dashboard');
	return overviews.get(
		'cohorts:overview',
		async () => {
			const [cohortList, counts, memberCount] = await Promise.all([
				listCohorts(),
				countMembersByCohort(),
				Member.countDocuments({ deactivatedAt: null })
			]);
			return {
				memberCount,
				cohorts: cohortList.map((c) => ({ ...c, memberCount: counts.get(c.id) ?? 0 }))
			};
		},
		() => [cache.tags.cohorts, cache.tags.directory]
	);
}
export {
	cohortRoster,
	changeCohortMembership,
	candidateLimit,
	type CohortMemberDto
} from './roster';
