import { Schema, type InferSchemaType, Types } from 'mongoose';
import { legalPages } from '$lib/legal';
import { defineModel } from './model';

/** A legal page as the operator wrote it; a page never saved shows its template instead. */
const legalPageSchema = new Schema(
	{
		key: { type: String, enum: legalPages, required: true },
		markdown: { type: String, required: true },
		/** Accessibility statement only: where the feedback form's mails go. */
		feedbackEmail: { type: String, default: '' },
		updatedBy: { type: Schema.Types.ObjectId, ref: 'Member', default: null }
	},
	{ timestamps: true }
);

legalPageSchema.index({ key: 1 }, { unique: true });

export type LegalPageDoc = InferSchemaType<typeof legalPageSchema> & { _id: Types.ObjectId };
export const LegalPage = defineModel('LegalPage', legalPageSchema);
