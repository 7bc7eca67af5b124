import { z } from 'zod';
import { objectId, text } from './fields';

/** The search page's query string; unknown or empty filters read as "any". */
export const searchParams = z.object({
	q: text(200).default(''),
	kind: z
		.enum(['posts', 'threads', 'messages', 'categories', 'members'])
		.optional()
		.catch(undefined),
	category: objectId.optional().catch(undefined),
	author: text(100).optional(),
	period: z.enum(['day', 'week', 'month', 'year']).optional().catch(undefined),
	// An index cursor is a record id; a member cursor is a handle.
	cursor: z
		.string()
		.regex(/^[a-z0-9._-]{1,100}$/)
		.optional()
		.catch(undefined)
});
export type SearchParams = z.infer<typeof searchParams>;
