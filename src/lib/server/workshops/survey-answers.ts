import { trusted, type Types } from 'mongoose';
import {
	answerField,
	answersSchema,
	type AnswerValue,
	type SurveyQuestion
} from '$lib/schemas/survey';
import type { MessageKey } from '$lib/i18n';
import { can, type Actor } from '../auth/permissions';
import { isDuplicateKeyError } from '../db/errors';
import { oid } from '../db/ids';
import { Member, Municipality, SurveyResponse, WorkshopRegistration } from '../db/models';
import { ok, refused, type Result } from '../result';
import {
	loadSurveyFor,
	questionDto,
	responseCount,
	type LoadedSurvey,
	type ResponseLean,
	type StoredAnswer,
	type SurveyLean
} from './survey';

export interface SurveyPageDto {
	workshop: { id: string; number: number | null; title: string };
	survey: {
		state: 'draft' | 'open' | 'closed';
		mode: 'person' | 'municipality';
		anonymous: boolean;
		intro: string;
		questions: SurveyQuestion[];
		responses: number;
	} | null;
	/** The actor's own answer set (shared with the tandem per municipality), for respondents. */
	mine: {
		/** Form values by field name, as the form shows them. */
		values: Record<string, string[]>;
		/** The municipality the actor answers for (per municipality) or is prefilled with. */
		municipality: { id: string; name: string } | null;
		savedAt: string | null;
		savedBy: string[];
	} | null;
	municipalities: { id: string; name: string }[];
	flags: { mayManage: boolean; mayAnswer: boolean; mayViewResults: boolean; isDraft: boolean };
}

/**
 * The municipality the actor speaks for: their own profile's, and for a supervisor the one of
 * the alumna or alumnus who brought them (the tandem answers for one municipality).
 */
async function municipalityOf(
	actor: Actor,
	workshopId: Types.ObjectId
): Promise<Types.ObjectId | null> {
	const entry = await WorkshopRegistration.findOne(
		{ workshopId, memberId: oid(actor.id) },
		{ role: 1, tandemOf: 1 }
	).lean();
	const memberIds = [entry?.role === 'supervisor' ? entry.tandemOf : null, oid(actor.id)];
	for (const id of memberIds) {
		if (!id) continue;
		const member = await Member.findById(id, { municipalityId: 1 }).lean();
		if (member?.municipalityId) return member.municipalityId;
	}
	return null;
}

/** Whose answer set the actor edits: their own, or their municipality's. */
function respondentKey(
	actor: Actor,
	survey: SurveyLean,
	municipalityId: Types.ObjectId | null
): Result<string> {
	if (survey.mode === 'person') return ok(`member:${actor.id}`);
	if (!municipalityId) return refused('conflict', 'survey.errors.noMunicipality');
	return ok(`municipality:${municipalityId.toString()}`);
}

/** The stored answers as form values, the shape a failed submit sends back too. */
function formValues(questions: SurveyQuestion[], answers: StoredAnswer[]) {
	const byQuestion = new Map(answers.map((a) => [a.questionId.toString(), a]));
	const values: Record<string, string[]> = {};
	for (const q of questions) {
		const a = byQuestion.get(q.id);
		if (!a) continue;
		const value = a.choiceIds?.map(String) ??
			(a.municipalityId ? [a.municipalityId.toString()] : null) ??
			(a.number !== undefined && a.number !== null ? [String(a.number)] : null) ?? [a.text ?? ''];
		values[answerField(q.id)] = value;
	}
	return values;
}

async function namesOf(ids: Types.ObjectId[]): Promise<string[]> {
	const members = await Member.find({ _id: trusted({ $in: ids }) }, { displayName: 1 }).lean();
	const byId = new Map(members.map((m) => [m._id.toString(), m.displayName]));
	return ids.map((id) => byId.get(id.toString()) ?? '—');
}

export async function municipalityList(): Promise<{ id: string; name: string }[]> {
	const rows = await Municipality.find({}, { name: 1 }).sort({ name: 1 }).limit(2000).lean();
	return rows.map((m) => ({ id: m._id.toString(), name: m.name }));
}

async function mineOf(actor: Actor, loaded: LoadedSurvey, questions: SurveyQuestion[]) {
	const survey = loaded.survey!;
	const municipalityId = await municipalityOf(actor, loaded.workshop._id);
	const municipality = municipalityId
		? await Municipality.findById(municipalityId, { name: 1 }).lean()
		: null;
	const key = respondentKey(actor, survey, municipalityId);
	const response = key.ok
		? await SurveyResponse.findOne({
				surveyId: survey._id,
				respondentKey: key.value
			}).lean<ResponseLean>()
		: null;
	const prefill = Object.fromEntries(
		questions
			.filter((q) => q.kind === 'municipality' && municipality)
			.map((q) => [answerField(q.id), [municipality!._id.toString()]])
	);
	return {
		values: { ...prefill, ...(response ? formValues(questions, response.answers) : {}) },
		municipality: municipality
			? { id: municipality._id.toString(), name: municipality.name }
			: null,
		savedAt: response?.updatedAt.toISOString() ?? null,
		savedBy: response ? await namesOf(response.memberIds) : []
	};
}

/** The survey page: the form with the actor's answers for respondents, the state for staff. */
export async function getSurveyPage(
	actor: Actor,
	workshopId: string
): Promise<Result<SurveyPageDto>> {
	const loaded = await loadSurveyFor(actor, workshopId, 'survey:view');
	if (!loaded.ok) return loaded;
	const { workshop, survey, resource, surveyResource } = loaded.value;
	const mayManage = can(actor, 'survey:manage', resource);
	// Respondents see a survey once it has been opened; organisers see the draft.
	const shown = survey && (mayManage || survey.state !== 'draft') ? survey : null;
	const questions = shown?.questions.map(questionDto) ?? [];
	const respondent = shown && resource.rosterRole !== null && !mayManage;
	return ok({
		workshop: { id: workshopId, number: workshop.number ?? null, title: workshop.title },
		survey: shown && {
			state: shown.state as 'draft' | 'open' | 'closed',
			mode: shown.mode as 'person' | 'municipality',
			anonymous: shown.anonymous,
			intro: shown.intro,
			questions,
			responses: mayManage ? await responseCount(shown._id) : 0
		},
		mine:
			respondent || (shown && can(actor, 'survey:answer', surveyResource))
				? await mineOf(actor, loaded.value, questions)
				: null,
		municipalities: questions.some((q) => q.kind === 'municipality')
			? await municipalityList()
			: [],
		flags: {
			mayManage,
			mayAnswer: can(actor, 'survey:answer', surveyResource),
			mayViewResults: can(actor, 'survey:results', resource),
			isDraft: !survey || survey.state === 'draft'
		}
	});
}

function storedAnswer(questionId: string, value: Exclude<AnswerValue, null>): StoredAnswer {
	const answer: StoredAnswer = { questionId: oid(questionId) };
	if ('choiceIds' in value) answer.choiceIds = value.choiceIds.map(oid);
	if ('number' in value) answer.number = value.number;
	if ('text' in value) answer.text = value.text;
	if ('municipalityId' in value) answer.municipalityId = oid(value.municipalityId);
	return answer;
}

/**
 * Saves the actor's answer set (their own, or their municipality's shared with the tandem),
 * every answer checked against its question; a refusal stores nothing.
 */
export async function saveAnswers(
	actor: Actor,
	input: { workshopId: string; raw: Record<string, unknown> }
): Promise<Result<{ saved: true }>> {
	const loaded = await loadSurveyFor(actor, input.workshopId, 'survey:view');
	if (!loaded.ok) return loaded;
	const { survey, surveyResource, workshop } = loaded.value;
	if (!survey || !can(actor, 'survey:answer', surveyResource))
		return refused('forbidden', 'survey.errors.notOpen');
	const questions = survey.questions.map(questionDto);
	const parsed = answersSchema(questions).safeParse(input.raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return refused('invalid', `validation.${issue.message}` as MessageKey, String(issue.path[0]));
	}
	const municipalityId = await municipalityOf(actor, workshop._id);
	const key = respondentKey(actor, survey, municipalityId);
	if (!key.ok) return key;
	const answers: StoredAnswer[] = [];
	for (const q of questions) {
		let value = parsed.data[answerField(q.id)] ?? null;
		// Per municipality, the municipality question is the one the tandem answers for.
		if (q.kind === 'municipality' && survey.mode === 'municipality')
			value = { municipalityId: municipalityId!.toString() };
		if (
			value &&
			'municipalityId' in value &&
			!(await Municipality.exists({ _id: oid(value.municipalityId) }))
		)
			return refused('invalid', 'survey.errors.unknownMunicipality', answerField(q.id));
		if (value) answers.push(storedAnswer(q.id, value));
	}
	await upsertResponse(survey._id, key.value, {
		municipalityId: survey.mode === 'municipality' ? municipalityId : null,
		memberId: oid(actor.id),
		answers
	});
	return ok({ saved: true });
}

async function upsertResponse(
	surveyId: Types.ObjectId,
	respondentKey: string,
	set: { municipalityId: Types.ObjectId | null; memberId: Types.ObjectId; answers: StoredAnswer[] }
) {
	const update = {
		$set: { answers: set.answers, municipalityId: set.municipalityId },
		$addToSet: { memberIds: set.memberId }
	};
	const write = () =>
		SurveyResponse.updateOne({ surveyId, respondentKey }, update, { upsert: true });
	try {
		await write();
	} catch (err) {
		// The tandem's first saves at the same moment: the unique index kept one, update it.
		if (!isDuplicateKeyError(err)) throw err;
		await write();
	}
}
