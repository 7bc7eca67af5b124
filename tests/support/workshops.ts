import { Types } from 'mongoose';
import type { Actor } from '../../src/lib/server/auth/permissions';
import { Cohort, Member } from '../../src/lib/server/db/models';
import {
	changeWorkshopState,
	createWorkshop,
	type WorkshopInput
} from '../../src/lib/server/workshops';
import { zonedToInstant } from '../../src/lib/time-zone';

/** Members as stored rows for service specs (no password hashing: they never sign in). */
export async function storeMembers(actors: Actor[]): Promise<void> {
	await Member.insertMany(
		actors.map((a) => ({
			_id: new Types.ObjectId(a.id),
			email: `m${a.id}@example.org`,
			displayName: `Mitglied ${a.id.slice(-4)}`,
			handle: `m${a.id}`,
			sortName: `mitglied ${a.id}`,
			passwordHash: 'x',
			roles: a.roles,
			cohortIds: a.cohortIds.map((id) => new Types.ObjectId(id))
		}))
	);
}

/** A new actor with a fresh id (store it with storeMembers). */
export const newActor = (roles: Actor['roles'], cohortIds: string[] = []): Actor => ({
	id: new Types.ObjectId().toString(),
	roles,
	cohortIds
});

export async function createCohort(name: string, slug: string): Promise<string> {
	const cohort = await Cohort.create({
		name,
		slug,
		programme: 'brandenburg',
		startsOn: new Date('2021-12-01'),
		endsOn: new Date('2022-12-01')
	});
	return cohort._id.toString();
}

/** The 2. Transfer-Workshop as the organisers' form would send it (29.09.2022, Berlin time). */
export function workshopInput(
	cohortId: string,
	overrides: Partial<WorkshopInput> = {}
): WorkshopInput {
	return {
		number: 2,
		title: 'Die Rolle in der Verwaltung',
		descriptionSource: 'Wie ist die Rolle **aufgehängt**? Fragen & Antworten.\n\nZweiter Absatz',
		startsAt: zonedToInstant('2022-09-29', '10:00', 'Europe/Berlin'),
		endsAt: zonedToInstant('2022-09-29', '15:30', 'Europe/Berlin'),
		format: 'hybrid',
		onlineUrl: 'https://video.example.org/ws2',
		address: 'Potsdam, Heinrich-Mann-Allee 107',
		capacity: 2,
		supervisorSeats: 0,
		registrationDeadline: null,
		guestAccessDays: 30,
		audienceCohortIds: [cohortId],
		...overrides
	};
}

/** Creates and publishes a workshop; its id. */
export async function publishWorkshop(organiser: Actor, input: WorkshopInput): Promise<string> {
	const created = await createWorkshop(organiser, input);
	if (!created.ok) throw new Error(`create: ${created.failure.code}`);
	const id = created.value.id;
	const state = await changeWorkshopState(organiser, { id, to: 'published' });
	if (!state.ok) throw new Error(`publish: ${state.failure.code}`);
	return id;
}
