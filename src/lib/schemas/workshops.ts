import { z } from 'zod';
import { zonedToInstant } from '$lib/time-zone';
import { agendaKinds, agendaMethods, rsvpAnswers, workshopFormats } from '$lib/workshops';
import { checkbox, email, objectId, requiredText, text } from './fields';

export const workshopTimeZone = 'Europe/Berlin';

const dateString = z.string('required').regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate');
const timeString = z.string('required').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalidTime');
const wholeNumber = (min: number, max: number) =>
	z.coerce
		.number('invalidNumber')
		.int('invalidNumber')
		.min(min, 'invalidNumber')
		.max(max, 'invalidNumber');
const httpsUrl = z
	.string()
	.trim()
	.max(500, 'tooLong')
	.refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'invalidUrl');

/**
 * The workshop form. Date and times are wall-clock times in Berlin; the audience comes as
 * repeated `audienceCohortIds` fields (read with formData.getAll).
 */
export const workshopFormSchema = z
	.object({
		number: z
			.union([z.literal(''), wholeNumber(1, 999)])
			.optional()
			.transform((v) => (v === '' || v === undefined ? null : v)),
		title: requiredText(140),
		description: text(20_000),
		date: dateString,
		startTime: timeString,
		endTime: timeString,
		format: z.enum(workshopFormats, 'invalid'),
		onlineUrl: httpsUrl,
		address: text(300),
		capacity: wholeNumber(1, 1000),
		supervisorSeats: z
			.union([z.literal(''), wholeNumber(0, 1000)])
			.optional()
			.transform((v) => (v === '' || v === undefined ? 0 : v)),
		registrationDeadline: z.union([z.literal(''), dateString]).optional(),
		guestAccessDays: z
			.union([z.literal(''), wholeNumber(0, 365)])
			.optional()
			.transform((v) => (v === '' || v === undefined ? 30 : v)),
		audienceCohortIds: z.array(objectId).max(50, 'invalid'),
		/** Chatham House (workshops/confidential.ts). */
		confidential: checkbox
	})
	.transform(({ date, startTime, endTime, registrationDeadline, description, ...rest }) => ({
		...rest,
		descriptionSource: description,
		startsAt: zonedToInstant(date, startTime, workshopTimeZone),
		endsAt: zonedToInstant(date, endTime, workshopTimeZone),
		// The deadline is the end of that day in Berlin.
		registrationDeadline: registrationDeadline
			? zonedToInstant(registrationDeadline, '23:59', workshopTimeZone)
			: null
	}));

export type WorkshopFormInput = z.output<typeof workshopFormSchema>;

export const rsvpSchema = z.object({ answer: z.enum(rsvpAnswers, 'invalid') });

export const workshopStateSchema = z.object({
	to: z.enum(['published', 'live', 'closed', 'archived', 'cancelled'], 'invalid')
});

/** A workshop guest (a supervisor by an alumna, an observer by an organiser): name and email. */
export const guestInviteSchema = z.object({
	displayName: requiredText(80).min(2, 'tooShort'),
	email
});

export const guestRefSchema = z.object({ memberId: objectId });

export const agendaItemSchema = z.object({
	kind: z.enum(agendaKinds, 'invalid'),
	title: requiredText(200),
	durationMinutes: z
		.union([z.literal(''), wholeNumber(0, 600)])
		.optional()
		.transform((v) => (v === '' || v === undefined ? 0 : v)),
	speaker: text(120),
	description: text(2000),
	method: z.enum(agendaMethods, 'invalid'),
	confidential: checkbox,
	nameMunicipality: checkbox,
	fromProposal: z.union([z.literal(''), objectId]).optional()
});

export const agendaItemRefSchema = z.object({
	itemId: objectId,
	by: z.enum(['-1', '1'], 'invalid').optional()
});

export const proposalSchema = z.object({ title: requiredText(200) });
