import type { Actor } from '../../src/lib/server/auth/permissions';
import {
	changeWorkshopState,
	createWorkshop,
	type WorkshopInput
} from '../../src/lib/server/workshops';
import { Workshop } from '../../src/lib/server/db/models';
import { zonedToInstant } from '../../src/lib/time-zone';

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

/** A workshop on 8 October 2030, 10:00 to 16:00 Berlin time: registration and reminders ahead. */
export const upcomingWorkshopInput = (cohortId: string, overrides: Partial<WorkshopInput> = {}) =>
	workshopInput(cohortId, {
		startsAt: new Date('2030-10-08T08:00:00Z'),
		endsAt: new Date('2030-10-08T14:00:00Z'),
		...overrides
	});

/**
 * A workshop stored as it is, without the lifecycle (for specs that need a given state or a
 * given agenda): online, ten seats, one organiser, one audience cohort.
 */
export async function storeWorkshop(
	organiserId: string,
	cohortId: string,
	fields: Record<string, unknown>
): Promise<string> {
	const workshop = await Workshop.create({
		title: 'Agiles Arbeiten',
		startsAt: new Date('2030-10-08T08:00:00Z'),
		endsAt: new Date('2030-10-08T14:00:00Z'),
		format: 'online',
		onlineUrl: 'https://video.example.org/ws',
		capacity: 10,
		audienceCohortIds: [cohortId],
		organiserIds: [organiserId],
		createdBy: organiserId,
		...fields
	});
	return workshop._id.toString();
}
