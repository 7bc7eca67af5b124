import { z } from 'zod';
import { surveyQuestionKinds, type SurveyQuestionKind } from '$lib/workshops';
import { checkbox, objectId, requiredText, text } from './fields';

export { surveyQuestionKinds as questionKinds };
export type QuestionKind = SurveyQuestionKind;

/** The longest answers: a short text is a line, a long text a few pages. */
export const textLimits = { short: 300, long: 20_000 } as const;
export const scaleSteps = [1, 2, 3, 4, 5] as const;

/** A question as forms, pages and the answer schema see it. */
export interface SurveyQuestion {
	id: string;
	kind: QuestionKind;
	prompt: string;
	required: boolean;
	choices: { id: string; label: string }[];
	min: number | null;
	max: number | null;
}

/** What one question was answered with; null when left empty. */
export type AnswerValue =
	| { choiceIds: string[] }
	| { number: number }
	| { text: string }
	| { municipalityId: string }
	| null;

const optionalNumber = z
	.string('invalidNumber')
	.trim()
	.transform((v) => (v === '' ? null : Number(v.replace(',', '.'))))
	.refine((v) => v === null || Number.isFinite(v), 'notANumber');

/** The question form. Choices come one per line; a number's range is optional at both ends. */
export const questionFormSchema = z
	.object({
		kind: z.enum(surveyQuestionKinds, 'invalid'),
		prompt: requiredText(300),
		required: checkbox,
		choices: text(4000).transform((v) =>
			[...new Set(v.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean)
		),
		min: optionalNumber.optional().transform((v) => v ?? null),
		max: optionalNumber.optional().transform((v) => v ?? null)
	})
	.superRefine((q, ctx) => {
		const choiceKind = q.kind === 'single' || q.kind === 'multiple';
		if (choiceKind && q.choices.length < 2)
			ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choicesNeeded' });
		if (choiceKind && q.choices.some((c) => c.length > 200))
			ctx.addIssue({ code: 'custom', path: ['choices'], message: 'tooLong' });
		if (q.kind === 'number' && q.min !== null && q.max !== null && q.min > q.max)
			ctx.addIssue({ code: 'custom', path: ['max'], message: 'rangeOrder' });
	})
	.transform((q) => ({
		...q,
		choices: q.kind === 'single' || q.kind === 'multiple' ? q.choices : [],
		min: q.kind === 'number' ? q.min : null,
		max: q.kind === 'number' ? q.max : null
	}));
export type QuestionInput = z.output<typeof questionFormSchema>;

export const surveySettingsSchema = z.object({
	intro: text(2000),
	mode: z.enum(['person', 'municipality'], 'invalid'),
	anonymous: checkbox
});
export type SurveySettingsInput = z.output<typeof surveySettingsSchema>;

export const surveyStateSchema = z.object({ to: z.enum(['open', 'closed'], 'invalid') });
export const questionRefSchema = z.object({ questionId: objectId });
export const exportFormatSchema = z.enum(['csv', 'xlsx']);

/** The form field that carries a question's answer. */
export const answerField = (questionId: string) => `q_${questionId}`;

/** Every answer field arrives as a list of strings (a checkbox group may send several). */
const values = z.array(z.string().max(textLimits.long + 1000, 'tooLong')).default([]);
const single = values.transform((v) => (v.length === 1 ? v[0]!.trim() : v.length ? null : ''));

function answerSchemaOf(q: SurveyQuestion): z.ZodType<AnswerValue> {
	const empty = (v: unknown) => v === '' || (Array.isArray(v) && v.length === 0);
	const requiredCheck = <T>(schema: z.ZodType<T>) =>
		q.required ? schema.refine((v) => !empty(v), 'required') : (schema as z.ZodType<T>);
	const choiceIds = new Set(q.choices.map((c) => c.id));
	switch (q.kind) {
		case 'multiple':
			return requiredCheck(values)
				.refine((v) => v.every((id) => choiceIds.has(id)), 'unknownChoice')
				.transform((v) => (v.length ? { choiceIds: [...new Set(v)] } : null));
		case 'single':
			return requiredCheck(single)
				.refine((v) => v !== null && (v === '' || choiceIds.has(v)), 'unknownChoice')
				.transform((v) => (v ? { choiceIds: [v] } : null));
		case 'yesno':
			return requiredCheck(single)
				.refine((v) => v === '' || v === 'yes' || v === 'no', 'unknownChoice')
				.transform((v) => (v ? { text: v } : null));
		case 'scale':
			return requiredCheck(single)
				.refine((v) => v === '' || /^[1-5]$/.test(v ?? ''), 'outOfRange')
				.transform((v) => (v ? { number: Number(v) } : null));
		case 'number':
			return requiredCheck(single)
				.transform((v) => (v ? Number(v.replace(',', '.')) : v))
				.refine((v) => v === '' || (typeof v === 'number' && Number.isFinite(v)), 'notANumber')
				.refine(
					(v) =>
						typeof v !== 'number' ||
						((q.min === null || v >= q.min) && (q.max === null || v <= q.max)),
					'outOfRange'
				)
				.transform((v) => (typeof v === 'number' ? { number: v } : null));
		case 'short':
		case 'long': {
			const limit = textLimits[q.kind];
			return requiredCheck(single)
				.refine((v) => v !== null, 'invalid')
				.refine((v) => (v ?? '').length <= limit, 'tooLong')
				.transform((v) => (v ? { text: v } : null));
		}
		case 'municipality':
			return requiredCheck(single)
				.refine((v) => v === '' || objectId.safeParse(v).success, 'unknownChoice')
				.transform((v) => (v ? { municipalityId: v } : null));
	}
}

/** The answers form of a survey: one field per question, checked against that question. */
export function answersSchema(questions: SurveyQuestion[]) {
	return z.object(
		Object.fromEntries(questions.map((q) => [answerField(q.id), answerSchemaOf(q)]))
	) as z.ZodType<Record<string, AnswerValue>>;
}
