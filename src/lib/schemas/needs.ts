import { z } from 'zod';
import { needStatuses, severalMunicipalities } from '../workshops';
import { objectId, requiredText, text } from './fields';

/** A municipality's id, or "mehrere" for a need several share. */
const municipality = z.union([z.literal(severalMunicipalities), objectId], 'invalid');
const optionalId = z
	.union([z.literal(''), objectId])
	.optional()
	.transform((v) => v || null);

export const needFieldsSchema = z.object({
	title: requiredText(200),
	descriptionSource: text(20_000),
	municipality,
	topic: text(100)
});
export type NeedFields = z.infer<typeof needFieldsSchema>;

/** A new card: written by hand, or taken from a survey answer or an agenda item's notes. */
export const needCreateSchema = needFieldsSchema.extend({
	sourceKind: z.enum(['manual', 'survey', 'note'], 'invalid'),
	questionId: optionalId,
	responseId: optionalId,
	itemId: optionalId
});
export type NeedCreateInput = z.infer<typeof needCreateSchema>;

/** Where the "new card" form takes its text from (the query of /needs/new). */
export const needSourceQuerySchema = z.union([
	z.object({ from: z.literal('survey'), question: objectId, response: objectId }),
	z.object({ from: z.literal('note'), item: objectId }),
	z.object({ from: z.literal('manual').optional() })
]);

export const needStatusSchema = z.object({
	needId: objectId,
	status: z.enum(needStatuses, 'invalid')
});
export const needMergeSchema = z.object({ otherId: objectId });

const count = z.coerce.number('invalidNumber').int('invalidNumber');
export const voteOpenSchema = z
	.object({
		dotsPerVoter: count.min(1, 'invalidNumber').max(20, 'invalidNumber').default(5),
		maxPerCard: count.min(1, 'invalidNumber').max(20, 'invalidNumber').default(3)
	})
	.refine((v) => v.maxPerCard <= v.dotsPerVoter, {
		message: 'invalidNumber',
		path: ['maxPerCard']
	});

/** One dot more (+1) or one less (-1) on a card. */
export const dotSchema = z.object({
	needId: objectId,
	by: z.enum(['-1', '1'], 'invalid').transform(Number)
});

/** The register's filters, from the query string; an empty field filters nothing. */
const emptyAsUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
export const registerFilterSchema = z.object({
	municipality: z.preprocess(emptyAsUndefined, municipality.optional()),
	topic: z.preprocess(emptyAsUndefined, text(100).optional()),
	workshop: z.preprocess(emptyAsUndefined, objectId.optional()),
	status: z.preprocess(emptyAsUndefined, z.enum(needStatuses, 'invalid').optional()),
	page: z.preprocess(emptyAsUndefined, count.min(1, 'invalidNumber').max(10_000).default(1))
});
export type RegisterFilter = z.infer<typeof registerFilterSchema>;
