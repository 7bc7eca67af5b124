import { Schema, type InferSchemaType, Types } from 'mongoose';
import { surveyQuestionKinds } from '$lib/workshops';
import { defineModel } from './model';

export { surveyQuestionKinds };
export const surveyStates = ['draft', 'open', 'closed'] as const;
/** One answer set per person, or one per municipality (the tandem of alumna and supervisor). */
export const surveyModes = ['person', 'municipality'] as const;

const choiceSchema = new Schema({ label: { type: String, required: true, trim: true } });

const questionSchema = new Schema({
	kind: { type: String, enum: surveyQuestionKinds, required: true },
	prompt: { type: String, required: true, trim: true },
	required: { type: Boolean, default: false },
	/** For single and multiple choice. */
	choices: { type: [choiceSchema], default: [] },
	/** For number questions: the allowed range (both ends included). */
	min: { type: Number, default: null },
	max: { type: Number, default: null }
});

/**
 * The needs survey ("Bedarfserhebung") of one workshop. Its questions change only while it is a
 * draft, so every stored answer fits the questions it was given to.
 */
const surveySchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		intro: { type: String, default: '' },
		questions: { type: [questionSchema], default: [] },
		mode: { type: String, enum: surveyModes, default: 'person' },
		anonymous: { type: Boolean, default: false },
		state: { type: String, enum: surveyStates, default: 'draft' },
		openedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null },
		createdBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
surveySchema.index({ workshopId: 1 }, { unique: true });

const answerSchema = new Schema(
	{
		questionId: { type: Schema.Types.ObjectId, required: true },
		choiceIds: { type: [Schema.Types.ObjectId], default: undefined },
		number: { type: Number, default: undefined },
		text: { type: String, default: undefined },
		municipalityId: { type: Schema.Types.ObjectId, ref: 'Municipality', default: undefined }
	},
	{ _id: false }
);

/**
 * One answer set: a person's, or a municipality's shared by its tandem. `respondentKey` is
 * `member:<id>` or `municipality:<id>`; the unique index keeps one set per key.
 */
const surveyResponseSchema = new Schema(
	{
		surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
		respondentKey: { type: String, required: true },
		municipalityId: { type: Schema.Types.ObjectId, ref: 'Municipality', default: null },
		/** Everyone who saved this set, in order of their first save. */
		memberIds: { type: [Schema.Types.ObjectId], ref: 'Member', default: [] },
		answers: { type: [answerSchema], default: [] }
	},
	{ timestamps: true }
);
surveyResponseSchema.index({ surveyId: 1, respondentKey: 1 }, { unique: true });
surveyResponseSchema.index({ surveyId: 1, _id: 1 });

export type SurveyDoc = InferSchemaType<typeof surveySchema> & { _id: Types.ObjectId };
export type SurveyResponseDoc = InferSchemaType<typeof surveyResponseSchema> & {
	_id: Types.ObjectId;
};
export const Survey = defineModel('Survey', surveySchema);
export const SurveyResponse = defineModel('SurveyResponse', surveyResponseSchema);
