import { z } from 'zod';
import { checkbox, email, locale, objectId, password, requiredText, role, text } from './fields';

/** An optional id from a <select>: "" means none. */
export const optionalId = z
	.union([z.literal(''), objectId])
	.optional()
	.transform((v) => v || null);

export const directoryQuerySchema = z.object({
	q: text(60).optional(),
	cohort: optionalId,
	municipality: optionalId,
	topic: text(40).optional(),
	cursor: text(400).optional()
});

export const profileSchema = z.object({
	displayName: requiredText(80).min(2, 'tooShort'),
	municipalityId: optionalId,
	jobTitle: text(100),
	bio: text(1000),
	topics: text(500)
});

export const notificationsSchema = z.object({
	mentions: checkbox,
	replies: checkbox,
	workshops: checkbox,
	email: checkbox
});

export const languageSchema = z.object({ locale });

export const sessionIdSchema = z.object({
	sessionId: z.string('invalidId').regex(/^[a-f0-9]{64}$/, 'invalidId')
});

export const deleteAccountSchema = z.object({
	deletePassword: z.string('required').min(1, 'required').max(256, 'tooLong')
});

export const acceptInvitationSchema = z
	.object({
		displayName: requiredText(80).min(2, 'tooShort'),
		password,
		passwordConfirm: z.string('required')
	})
	.refine((v) => v.password === v.passwordConfirm, {
		path: ['passwordConfirm'],
		message: 'passwordsDiffer'
	});

export const roles = z.array(role).max(5, 'invalid');

export const invitationSchema = z.object({
	email,
	displayName: text(80).optional().default(''),
	roles: roles.min(1, 'required'),
	cohortId: optionalId,
	municipalityId: optionalId
});

export const idSchema = z.object({ id: objectId });

export const adminMemberQuerySchema = z.object({
	q: text(80).optional(),
	role: z
		.union([z.literal(''), role])
		.optional()
		.transform((v) => v || null),
	cursor: text(400).optional()
});

export const memberRolesSchema = z.object({ roles });
export const memberCohortsSchema = z.object({ cohortIds: z.array(objectId).max(50, 'invalid') });

export const cohortSchema = z
	.object({
		name: requiredText(100),
		programme: z.enum(['brandenburg', 'federal'], 'invalid'),
		startsOn: z.string('required').regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate'),
		endsOn: z.string('required').regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
	})
	.transform((v) => ({ ...v, startsOn: new Date(v.startsOn), endsOn: new Date(v.endsOn) }))
	.refine((v) => !Number.isNaN(v.startsOn.getTime()), {
		path: ['startsOn'],
		message: 'invalidDate'
	})
	.refine((v) => !Number.isNaN(v.endsOn.getTime()), { path: ['endsOn'], message: 'invalidDate' });

export const municipalitySchema = z.object({
	name: requiredText(100),
	district: text(100),
	state: requiredText(60)
});

/** A member picked on a cohort's page, to add to it or take out of it. */
export const cohortMemberSchema = z.object({ memberId: objectId });

/** The member picker's query on a cohort's page. */
export const cohortPickerQuerySchema = z.object({ q: z.string().trim().max(100).optional() });
