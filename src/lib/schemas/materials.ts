import { z } from 'zod';
import { checkbox, objectId, requiredText, text } from './fields';

/**
 * A link among a workshop's materials: a title and an https address of a named host. The field
 * names are the form's, unique on the workshop page (which has other title fields).
 */
export const materialLinkSchema = z.object({
	linkTitle: requiredText(140),
	linkUrl: z
		.string('required')
		.trim()
		.max(500, 'tooLong')
		.pipe(z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'invalidUrl' }))
});

/** The text fields sent with an uploaded file. */
export const materialFileSchema = z.object({ fileTitle: text(140).default('') });

export const materialIdSchema = z.object({ materialId: objectId });

export const materialSettingsSchema = z.object({ participantUploads: checkbox });
