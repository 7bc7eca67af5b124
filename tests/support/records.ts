import { Types } from 'mongoose';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { Cohort, ForumCategory, Member, Municipality } from '../../src/lib/server/db/models';

/** A new actor with a fresh id (store it with storeMembers). */
export const newActor = (roles: Actor['roles'], cohortIds: string[] = []): Actor => ({
	id: new Types.ObjectId().toString(),
	roles,
	cohortIds
});

/** An actor as a spec stores it, with a name and municipality where the spec looks at them. */
export type MemberFixture = Actor & { displayName?: string; municipalityId?: string | null };

/** Members as stored rows for service specs (no password hashing: they never sign in). */
export async function storeMembers(members: MemberFixture[]): Promise<void> {
	await Member.insertMany(
		members.map((m) => ({
			_id: new Types.ObjectId(m.id),
			email: `m${m.id}@example.org`,
			displayName: m.displayName ?? `Mitglied ${m.id.slice(-4)}`,
			handle: `m${m.id}`,
			// Without a name, members sort in the order they were made.
			sortName: m.displayName?.toLowerCase() ?? `mitglied ${m.id}`,
			passwordHash: 'x',
			roles: m.roles,
			cohortIds: m.cohortIds.map((id) => new Types.ObjectId(id)),
			municipalityId: m.municipalityId ? new Types.ObjectId(m.municipalityId) : null
		}))
	);
}

/** A cohort (by default a Brandenburg one of 2021/22); its id. */
export async function createCohort(
	name: string,
	slug: string,
	fields: { programme?: 'brandenburg' | 'federal'; startsOn?: Date; endsOn?: Date } = {}
): Promise<string> {
	const cohort = await Cohort.create({
		name,
		slug,
		programme: 'brandenburg',
		startsOn: new Date('2021-12-01'),
		endsOn: new Date('2022-12-01'),
		...fields
	});
	return cohort._id.toString();
}

/** A municipality in Brandenburg; its id. */
export async function createMunicipality(name: string, district = ''): Promise<string> {
	const municipality = await Municipality.create({ name, district, state: 'Brandenburg' });
	return municipality._id.toString();
}

/** A forum category whose readers and writers are the given roles; its id. */
export async function createForumCategory(name: string, roles: string[]): Promise<string> {
	const category = await ForumCategory.create({
		name,
		slug: name.toLowerCase(),
		readRoles: roles,
		postRoles: roles
	});
	return category._id.toString();
}
