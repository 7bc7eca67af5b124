import { trusted, type Types } from 'mongoose';
import type { SurveyQuestion } from '$lib/schemas/survey';
import { messages, type Locale } from '$lib/i18n';
import { formatDateTime } from '$lib/datetime';
import type { Actor } from '../auth/permissions';
import { Member, SurveyResponse } from '../db/models';
import { ok, refused, type Result } from '../result';
import {
	inBatches,
	spreadsheetFile,
	type Cell,
	type ExportFile,
	type ExportFormat
} from '../spreadsheet';
import { municipalityList } from './survey-answers';
import { disclosureFor, type Disclosure } from './confidential';
import {
	loadSurveyFor,
	questionDto,
	type ResponseLean,
	type StoredAnswer,
	type SurveyLean
} from './survey';

const batchSize = 200;

/**
 * The export's rows, header first, one per answer set, read in batches from the database so
 * neither the answers nor the file is ever whole in memory. An anonymous survey's rows carry
 * no person and no municipality, not even as a question's answer.
 */
async function* exportRows(
	survey: SurveyLean,
	locale: Locale,
	disclosure: Disclosure
): AsyncGenerator<Cell[]> {
	const t = messages(locale).survey;
	const questions = survey.questions
		.map(questionDto)
		.filter((q) => !(survey.anonymous && q.kind === 'municipality'));
	const municipalities = new Map((await municipalityList()).map((m) => [m.id, m.name]));
	const personal = !survey.anonymous;
	yield [
		...(personal
			? [t.export.person, t.export.municipality, t.export.updatedAt]
			: [t.export.number]),
		...questions.map((q) => q.prompt)
	];
	const cursor = SurveyResponse.find({ surveyId: survey._id })
		.sort({ _id: 1 })
		.lean<ResponseLean[]>()
		.cursor({ batchSize });
	let n = 0;
	for await (const batch of inBatches(cursor, batchSize)) {
		const names = personal ? await namesOf(batch.flatMap((r) => r.memberIds)) : new Map();
		for (const r of batch) {
			n++;
			const lead: Cell[] = personal
				? [
						r.memberIds
							.map((id) => disclosure.person(null, names.get(id.toString()) ?? '—'))
							.join(', '),
						disclosure.municipality(
							null,
							municipalities.get(r.municipalityId?.toString() ?? '') ?? ''
						),
						formatDateTime(r.updatedAt, locale)
					]
				: [n];
			yield [
				...lead,
				...questions.map((q) => answerCell(q, r.answers, municipalities, t, disclosure))
			];
		}
	}
}

function answerCell(
	q: SurveyQuestion,
	answers: StoredAnswer[],
	municipalities: Map<string, string>,
	t: ReturnType<typeof messages>['survey'],
	disclosure: Disclosure
): Cell {
	const a = answers.find((x) => x.questionId.toString() === q.id);
	if (!a) return '';
	if (a.choiceIds) {
		const labels = new Map(q.choices.map((c) => [c.id, c.label]));
		// Several choices share one cell, in the order the question lists them.
		return q.choices
			.filter((c) => a.choiceIds!.some((id) => id.toString() === c.id))
			.map((c) => labels.get(c.id)!)
			.join('; ');
	}
	if (a.municipalityId)
		return disclosure.municipality(null, municipalities.get(a.municipalityId.toString()) ?? '');
	if (typeof a.number === 'number') return a.number;
	if (q.kind === 'yesno') return a.text === 'yes' ? t.yes : t.no;
	return disclosure.text(null, a.text ?? '');
}

async function namesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
	const members = await Member.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
	return new Map(members.map((m) => [m._id.toString(), m.displayName]));
}

/** The survey's answers as a file for organisers, streamed while it is read. */
export async function exportSurvey(
	actor: Actor,
	input: { workshopId: string; format: ExportFormat; locale: Locale }
): Promise<Result<ExportFile>> {
	const loaded = await loadSurveyFor(actor, input.workshopId, 'survey:results');
	if (!loaded.ok) return loaded;
	const { survey, workshop } = loaded.value;
	if (!survey) return refused('not_found');
	const t = messages(input.locale).survey;
	const base = `${t.title} ${workshop.number ? `${workshop.number}. ` : ''}${workshop.title}`;
	// An export leaves the live view: Chatham House applies (confidential.ts).
	const disclosure = await disclosureFor(workshop, { live: false, locale: input.locale });
	return ok(
		spreadsheetFile(exportRows(survey, input.locale, disclosure), {
			format: input.format,
			locale: input.locale,
			name: base,
			sheet: t.export.sheet
		})
	);
}
