import { z } from 'zod';
import { objectId } from './fields';

/** Publishing the summary: the category on the first publication; again, the thread stays. */
export const summaryPublishSchema = z.object({
	categoryId: z
		.union([z.literal(''), objectId])
		.optional()
		.transform((v) => v || null)
});

/** The summary's download formats (the path's extension). */
export const summaryFormatSchema = z.enum(['md', 'pdf']);
