import { z } from 'zod';
import { objectIdPattern } from '../ids';
import { reactionKeys } from '../reactions';
import { roles } from '../roles';

/**
 * Shared field schemas. Messages are keys of the `validation` dictionary (src/lib/i18n),
 * translated where the error is shown, so one schema serves forms, API and socket events.
 */
export const text = (max: number) => z.string('required').trim().max(max, 'tooLong');
export const requiredText = (max: number) => text(max).min(1, 'required');
export const email = z
	.string('required')
	.trim()
	.toLowerCase()
	.max(254, 'tooLong')
	.pipe(z.email('invalidEmail'));
export const objectId = z.string('invalidId').regex(objectIdPattern, 'invalidId');
export const password = z.string('required').min(10, 'passwordTooShort').max(256, 'tooLong');
export const role = z.enum(roles, 'invalid');
export const reaction = z.enum(reactionKeys, 'invalid');
export const locale = z.enum(['de', 'en'], 'invalid');
export const isoDate = z
	.string('required')
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
	.pipe(z.coerce.date('invalidDate'));
/** A checkbox: present ("on") or absent. */
export const checkbox = z
	.enum(['on', 'true'], 'invalid')
	.optional() // an unchecked box is absent from the form: the key itself must be optional
	.transform((v) => v !== undefined);
