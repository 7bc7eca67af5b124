import { instantToZoned } from '$lib/time-zone';
import type { WorkshopLean } from './access';

/** A stored workshop as the edit form's fields: wall-clock date and times in its time zone. */
export function workshopFormValues(w: WorkshopLean): Record<string, unknown> {
	const start = instantToZoned(w.startsAt, w.timeZone);
	const end = instantToZoned(w.endsAt, w.timeZone);
	return {
		number: w.number ?? '',
		title: w.title,
		description: w.descriptionSource,
		date: start.date,
		startTime: start.time,
		endTime: end.time,
		format: w.format,
		onlineUrl: w.onlineUrl,
		address: w.address,
		capacity: w.capacity,
		supervisorSeats: w.supervisorSeats,
		registrationDeadline: w.registrationDeadline
			? instantToZoned(w.registrationDeadline, w.timeZone).date
			: '',
		guestAccessDays: w.guestAccessDays,
		audienceCohortIds: w.audienceCohortIds.map((id) => id.toString()),
		confidential: w.confidential ? 'on' : ''
	};
}
