import { z } from 'zod';
import { email, requiredText, text } from './fields';

/** An admin's text of a legal page; the feedback address is read for the accessibility page only. */
export const legalPageSchema = z.object({
	markdown: requiredText(50_000),
	feedbackEmail: z
		.union([z.literal(''), email])
		.optional()
		.default('')
});

/** A visitor's report of a barrier (no account needed). */
export const accessibilityFeedbackSchema = z.object({
	message: requiredText(5_000),
	email: z
		.union([z.literal(''), email])
		.optional()
		.default(''),
	pageAddress: text(500).optional().default('')
});
