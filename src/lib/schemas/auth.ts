import { z } from 'zod';
import { email, password } from './fields';

export const loginSchema = z.object({
	email,
	password: z.string('required').min(1, 'required').max(256, 'tooLong'),
	// Any value is accepted here; the redirect itself goes only to a safe path (server/redirects).
	redirectTo: z.string().optional().catch(undefined)
});

export const passwordResetRequestSchema = z.object({ email });
export const signInLinkRequestSchema = z.object({ email });

export const newPasswordSchema = z
	.object({ password, passwordConfirm: z.string('required') })
	.refine((v) => v.password === v.passwordConfirm, {
		path: ['passwordConfirm'],
		message: 'passwordsDiffer'
	});

export const passwordChangeSchema = z
	.object({
		currentPassword: z.string('required').min(1, 'required').max(256, 'tooLong'),
		password,
		passwordConfirm: z.string('required')
	})
	.refine((v) => v.password === v.passwordConfirm, {
		path: ['passwordConfirm'],
		message: 'passwordsDiffer'
	});
