import { z } from 'zod';
import { checkbox, objectId, requiredText, text } from './fields';

/** A link among a workshop's materials: a title and an https address of a named host. */
export const materialLinkSchema = z.object({
	title: requiredText(140),
	url: z
		.string('required')
		.trim()
		.max(500, 'tooLong')
		.pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'invalidUrl' }))
});

/** The text fields sent with an uploaded file. */
export const materialFileSchema = z.object({ fileTitle: text(140).default('') });

export const materialIdSchema = z.object({ materialId: objectId });

export const materialSettingsSchema = z.object({ participantUploads: checkbox });
