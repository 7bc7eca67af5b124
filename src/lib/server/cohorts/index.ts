import { Types } from 'mongoose';
import { Channel, Cohort, Member, Municipality } from '../db/models';
import { cached } from '../cache';
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

/** Creates a cohort together with its realtime channel (membership of one is membership of both). */
export async function createCohort(input: CohortInput): Promise<CohortDto> {
	const slug = slugify(input.name);
	const cohort = await Cohort.create({ ...input, slug });
	await ensureCohortChannel(cohort._id, input.name, slug);
	return toCohortDto(cohort);
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

export async function updateCohort(id: string, input: CohortInput): Promise<CohortDto | null> {
	const cohort = await Cohort.findByIdAndUpdate(
		id,
		{ $set: input },
		{ returnDocument: 'after' }
	).lean();
	if (!cohort) return null;
	await Channel.updateOne({ kind: 'cohort', cohortId: cohort._id }, { $set: { name: input.name } });
	return toCohortDto(cohort);
}

export async function listCohorts(): Promise<CohortDto[]> {
	const cohorts = await Cohort.find({}, { name: 1, slug: 1, programme: 1, startsOn: 1, endsOn: 1 })
		.sort({ startsOn: 1 })
		.limit(500)
		.lean();
	return cohorts.map(toCohortDto);
}

export async function getCohort(id: string): Promise<CohortDto | null> {
	if (!Types.ObjectId.isValid(id)) return null;
	const cohort = await Cohort.findById(id).lean();
	return cohort ? toCohortDto(cohort) : null;
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

export async function listMunicipalities(): Promise<MunicipalityDto[]> {
	const rows = await Municipality.find({}, { name: 1, district: 1, state: 1 })
		.sort({ name: 1 })
		.limit(2000)
		.lean();
	return rows.map(toMunicipalityDto);
}

export interface MunicipalityInput {
	name: string;
	district: string;
	state: string;
}

export async function createMunicipality(input: MunicipalityInput): Promise<MunicipalityDto> {
	const created = await Municipality.create(input);
	return toMunicipalityDto(created);
}

export async function updateMunicipality(
	id: string,
	input: MunicipalityInput
): Promise<MunicipalityDto | null> {
	const updated = await Municipality.findByIdAndUpdate(
		id,
		{ $set: input },
		{ returnDocument: 'after' }
	).lean();
	return updated ? toMunicipalityDto(updated) : null;
}

export interface NetworkOverview {
	memberCount: number;
	cohorts: Array<CohortDto & { memberCount: number }>;
}

/** Cohorts with member counts for the start page; figures may be up to 30 s old. */
export function networkOverview(): Promise<NetworkOverview> {
	return cached('cohorts:overview', 30_000, async () => {
		const [cohortList, counts, memberCount] = await Promise.all([
			listCohorts(),
			countMembersByCohort(),
			Member.countDocuments({ deactivatedAt: null })
		]);
		return {
			memberCount,
			cohorts: cohortList.map((c) => ({ ...c, memberCount: counts.get(c.id) ?? 0 }))
		};
	});
}
