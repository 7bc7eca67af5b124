import type { Types } from 'mongoose';
import { scaleSteps, type SurveyQuestion } from '$lib/schemas/survey';
import type { Locale } from '$lib/i18n';
import type { Actor } from '../auth/permissions';
import { SurveyResponse } from '../db/models';
import { ok, type Result } from '../result';
import { municipalityList } from './survey-answers';
import { loadSurveyFor, questionDto, type StoredAnswer } from './survey';
import { disclosureFor } from './confidential';

/** One bar of a chart: a label and how many chose it. */
export interface Bar {
	label: string;
	count: number;
}

/** A free-text answer and the answer set it came from (to take it over as a need card). */
export type TextAnswer = { responseId: string; text: string };

export interface QuestionResultDto {
	question: SurveyQuestion;
	/** How many answer sets answered this question. */
	answered: number;
	/** Counts per choice (choice, yes/no, municipality) or per step of the scale. */
	bars: Bar[] | null;
	/** Scale and number questions. */
	numbers: { min: number; max: number; mean: number } | null;
	/** Short and long texts, verbatim, without names; the answer set they came from. */
	texts: TextAnswer[] | null;
	/** A municipality question of an anonymous survey is not evaluated. */
	hidden: boolean;
}

export interface SurveyResultsDto {
	workshop: { id: string; number: number | null; title: string };
	anonymous: boolean;
	state: 'draft' | 'open' | 'closed';
	responses: number;
	questions: QuestionResultDto[];
}

/** Sums the answers of every set, read as a stream so a large survey stays small in memory. */
export async function getSurveyResults(
	actor: Actor,
	workshopId: string,
	locale: Locale = 'de'
): Promise<Result<SurveyResultsDto>> {
	const loaded = await loadSurveyFor(actor, workshopId, 'survey:results');
	if (!loaded.ok) return loaded;
	const { workshop, survey } = loaded.value;
	const questions = survey?.questions.map(questionDto) ?? [];
	const counts = new Map<string, Map<string, number>>(questions.map((q) => [q.id, new Map()]));
	const numbers = new Map<string, number[]>(questions.map((q) => [q.id, []]));
	const texts = new Map<string, TextAnswer[]>(questions.map((q) => [q.id, []]));
	const answered = new Map<string, number>();
	let responses = 0;
	if (survey) {
		const cursor = SurveyResponse.find({ surveyId: survey._id }, { answers: 1 })
			.sort({ _id: 1 })
			.lean<{ _id: Types.ObjectId; answers: StoredAnswer[] }[]>()
			.cursor({ batchSize: 500 });
		for await (const response of cursor) {
			responses++;
			for (const a of response.answers) {
				const id = a.questionId.toString();
				const tally = counts.get(id);
				if (!tally) continue;
				answered.set(id, (answered.get(id) ?? 0) + 1);
				const keys =
					a.choiceIds?.map(String) ?? (a.municipalityId ? [a.municipalityId.toString()] : []);
				if (typeof a.number === 'number') {
					numbers.get(id)!.push(a.number);
					keys.push(String(a.number));
				}
				if (typeof a.text === 'string') {
					texts.get(id)!.push({ responseId: response._id.toString(), text: a.text });
					keys.push(a.text);
				}
				for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
			}
		}
	}
	const municipalities = questions.some((q) => q.kind === 'municipality')
		? await municipalityList()
		: [];
	const anonymous = survey?.anonymous ?? false;
	// Results are read outside the live view: Chatham House applies (confidential.ts); a
	// confidential workshop's municipality question is not evaluated, like an anonymous one's.
	const disclosure = await disclosureFor(workshop, { live: false, locale });
	const hidesMunicipalities = anonymous || disclosure.confidential(null);
	return ok({
		workshop: { id: workshopId, number: workshop.number ?? null, title: workshop.title },
		anonymous,
		state: (survey?.state ?? 'draft') as SurveyResultsDto['state'],
		responses,
		questions: questions.map((q) =>
			resultOf(
				q,
				answered.get(q.id) ?? 0,
				counts.get(q.id)!,
				numbers.get(q.id)!,
				texts.get(q.id)!.map((a) => ({ ...a, text: disclosure.text(null, a.text) })),
				{
					anonymous: hidesMunicipalities,
					municipalities
				}
			)
		)
	});
}

function resultOf(
	q: SurveyQuestion,
	answered: number,
	tally: Map<string, number>,
	values: number[],
	texts: TextAnswer[],
	context: { anonymous: boolean; municipalities: { id: string; name: string }[] }
): QuestionResultDto {
	const base = { question: q, answered, bars: null, numbers: null, texts: null, hidden: false };
	const bars = (entries: [string, string][]) =>
		entries.map(([key, label]) => ({ label, count: tally.get(key) ?? 0 }));
	const summary = values.length
		? {
				min: Math.min(...values),
				max: Math.max(...values),
				mean: values.reduce((sum, n) => sum + n, 0) / values.length
			}
		: null;
	switch (q.kind) {
		case 'single':
		case 'multiple':
			return { ...base, bars: bars(q.choices.map((c) => [c.id, c.label])) };
		case 'yesno':
			return {
				...base,
				bars: bars([
					['yes', 'yes'],
					['no', 'no']
				])
			};
		case 'scale':
			return {
				...base,
				bars: bars(scaleSteps.map((s) => [String(s), String(s)])),
				numbers: summary
			};
		case 'number':
			return { ...base, numbers: summary };
		case 'short':
		case 'long':
			return { ...base, texts };
		case 'municipality':
			if (context.anonymous) return { ...base, hidden: true };
			return {
				...base,
				bars: bars(context.municipalities.map((m) => [m.id, m.name])).filter((b) => b.count > 0)
			};
	}
}
