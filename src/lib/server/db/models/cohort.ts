import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

export const programmes = ['brandenburg', 'federal'] as const;

const cohortSchema = new Schema(
	{
		name: { type: String, required: true, trim: true },
		slug: { type: String, required: true },
		programme: { type: String, enum: programmes, required: true },
		startsOn: { type: Date, required: true },
		endsOn: { type: Date, required: true }
	},
	{ timestamps: true }
);

cohortSchema.index({ slug: 1 }, { unique: true });
cohortSchema.index({ startsOn: 1 });

export type CohortDoc = InferSchemaType<typeof cohortSchema> & { _id: Types.ObjectId };
export const Cohort = defineModel('Cohort', cohortSchema);
