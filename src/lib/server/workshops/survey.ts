import type { Types } from 'mongoose';
import type { QuestionInput, SurveyQuestion, SurveySettingsInput } from '$lib/schemas/survey';
import { record } from '../audit';
import { can, type Action, type Actor, type SurveyResource } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { isDuplicateKeyError } from '../db/errors';
import { Survey, SurveyResponse, type SurveyDoc } from '../db/models';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type LoadedWorkshop } from './access';

export const maxQuestions = 50;

type QuestionLean = {
	_id: Types.ObjectId;
	kind: SurveyQuestion['kind'];
	prompt: string;
	required: boolean;
	choices: { _id: Types.ObjectId; label: string }[];
	min: number | null;
	max: number | null;
};
/** A survey as `.lean()` reads it. */
/** One stored answer: choices, a number, a text or a municipality, by question. */
export type StoredAnswer = {
	questionId: Types.ObjectId;
	choiceIds?: Types.ObjectId[];
	number?: number;
	text?: string;
	municipalityId?: Types.ObjectId;
};
/** An answer set as `.lean()` reads it. */
export type ResponseLean = {
	_id: Types.ObjectId;
	respondentKey: string;
	municipalityId: Types.ObjectId | null;
	memberIds: Types.ObjectId[];
	answers: StoredAnswer[];
	updatedAt: Date;
};

export type SurveyLean = Omit<SurveyDoc, 'questions'> & { questions: QuestionLean[] };

export const questionDto = (q: QuestionLean): SurveyQuestion => ({
	id: q._id.toString(),
	kind: q.kind,
	prompt: q.prompt,
	required: q.required,
	choices: q.choices.map((c) => ({ id: c._id.toString(), label: c.label })),
	min: q.min ?? null,
	max: q.max ?? null
});

export interface LoadedSurvey extends LoadedWorkshop {
	survey: SurveyLean | null;
	surveyResource: SurveyResource;
}

/**
 * The workshop with the actor's current roster entry and its survey, checked for `action` on
 * every call: a workshop the actor may not see answers not_found, a refused action forbidden.
 */
export async function loadSurveyFor(
	actor: Actor,
	workshopId: string,
	action: Action & `survey:${string}`,
	now = new Date()
): Promise<Result<LoadedSurvey>> {
	const loaded = await loadWorkshopFor(actor, workshopId, 'workshop:view', now);
	if (!loaded.ok) return loaded;
	const survey = await Survey.findOne({ workshopId: loaded.value.workshop._id }).lean<SurveyLean>();
	const surveyResource = { ...loaded.value.resource, surveyOpen: survey?.state === 'open' };
	if (!can(actor, action as 'survey:answer', surveyResource)) return refused('forbidden');
	return ok({ ...loaded.value, survey, surveyResource });
}

/** The workshop's survey, made as an empty draft on an organiser's first change. */
async function draftOf(actor: Actor, loaded: LoadedSurvey): Promise<Result<SurveyLean>> {
	if (loaded.survey) {
		return loaded.survey.state === 'draft'
			? ok(loaded.survey)
			: refused('conflict', 'survey.errors.notDraft');
	}
	try {
		await Survey.create({ workshopId: loaded.workshop._id, createdBy: oid(actor.id) });
	} catch (err) {
		// Two organisers' first changes at once: the unique index keeps one survey.
		if (!isDuplicateKeyError(err)) throw err;
	}
	const survey = await Survey.findOne({ workshopId: loaded.workshop._id }).lean<SurveyLean>();
	return survey!.state === 'draft' ? ok(survey!) : refused('conflict', 'survey.errors.notDraft');
}

async function audit(actor: Actor, loaded: LoadedSurvey, action: string, details = {}) {
	await record({
		actorId: actor.id,
		action: `workshop.survey.${action}`,
		targetType: 'workshop',
		targetId: loaded.workshop._id.toString(),
		summary: loaded.workshop.title,
		details
	});
}

/** Changes a draft survey's questions or settings; refused once the survey has been opened. */
async function changeDraft(
	actor: Actor,
	workshopId: string,
	change: (survey: SurveyLean) => Result<Record<string, unknown>>,
	auditAction: string
): Promise<Result<{ id: string }>> {
	const loaded = await loadSurveyFor(actor, workshopId, 'survey:manage');
	if (!loaded.ok) return loaded;
	const draft = await draftOf(actor, loaded.value);
	if (!draft.ok) return draft;
	const update = change(draft.value);
	if (!update.ok) return update;
	// The state in the filter: a change that meets a survey opened meanwhile changes nothing.
	const res = await Survey.updateOne({ _id: draft.value._id, state: 'draft' }, update.value);
	if (res.matchedCount === 0) return refused('conflict', 'survey.errors.notDraft');
	await audit(actor, loaded.value, auditAction);
	return ok({ id: draft.value._id.toString() });
}

export const saveSurveySettings = (
	actor: Actor,
	input: { workshopId: string; settings: SurveySettingsInput }
) => changeDraft(actor, input.workshopId, () => ok({ $set: input.settings }), 'settings');

export const addQuestion = (actor: Actor, input: { workshopId: string; question: QuestionInput }) =>
	changeDraft(
		actor,
		input.workshopId,
		(survey) => {
			if (survey.questions.length >= maxQuestions)
				return refused('conflict', 'survey.errors.tooManyQuestions');
			const { choices, ...question } = input.question;
			return ok({
				$push: { questions: { ...question, choices: choices.map((label) => ({ label })) } }
			});
		},
		'question.add'
	);

export const removeQuestion = (actor: Actor, input: { workshopId: string; questionId: string }) =>
	changeDraft(
		actor,
		input.workshopId,
		(survey) => {
			const rest = survey.questions.filter((q) => q._id.toString() !== input.questionId);
			if (!isObjectId(input.questionId) || rest.length === survey.questions.length)
				return refused('not_found');
			return ok({ $set: { questions: rest } });
		},
		'question.remove'
	);

/** Organisers open the survey (before or during the workshop) and close it again. */
export async function changeSurveyState(
	actor: Actor,
	input: { workshopId: string; to: 'open' | 'closed' },
	now = new Date()
): Promise<Result<{ state: 'open' | 'closed' }>> {
	const loaded = await loadSurveyFor(actor, input.workshopId, 'survey:manage', now);
	if (!loaded.ok) return loaded;
	const { survey, workshop } = loaded.value;
	if (!survey) return refused('conflict', 'survey.errors.noQuestions');
	if (input.to === 'open') {
		if (survey.questions.length === 0) return refused('conflict', 'survey.errors.noQuestions');
		if (workshop.state !== 'published' && workshop.state !== 'live')
			return refused('conflict', 'survey.errors.workshopOver');
	}
	const times = input.to === 'open' ? { openedAt: now, closedAt: null } : { closedAt: now };
	await Survey.updateOne({ _id: survey._id }, { $set: { state: input.to, ...times } });
	await audit(actor, loaded.value, input.to === 'open' ? 'open' : 'close');
	return ok({ state: input.to });
}

/** How many answer sets a survey holds. */
export const responseCount = (surveyId: Types.ObjectId) =>
	SurveyResponse.countDocuments({ surveyId });
