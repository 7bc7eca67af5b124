import { z } from 'zod';
import { checkbox, objectId } from './fields';

/** Publishing the summary: the category on the first publication; again, the thread stays. */
export const summaryPublishSchema = z.object({
	categoryId: z
		.union([z.literal(''), objectId])
		.optional()
		.transform((v) => v || null)
});

/** The summary's download formats (the path's extension). */
export const summaryFormatSchema = z.enum(['md', 'pdf']);

/** An agenda item's Chatham House flags, changed on the agenda page. */
export const agendaFlagsSchema = z.object({
	itemId: objectId,
	confidential: checkbox,
	nameMunicipality: checkbox
});
