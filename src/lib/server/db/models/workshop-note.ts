import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/**
 * One saved version of the notes of one agenda item. Versions count up from 1 per item; the
 * unique (workshop, item, version) index decides which of two saves from the same version wins,
 * on MongoDB and on the embedded database alike. Nothing is ever overwritten: the newest version
 * is the current text, the others are its history.
 */
const noteVersionSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		itemId: { type: Schema.Types.ObjectId, required: true },
		version: { type: Number, required: true },
		source: { type: String, default: '' },
		/** Rendered and sanitised once on write. */
		html: { type: String, default: '' },
		editedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);
noteVersionSchema.index({ workshopId: 1, itemId: 1, version: 1 }, { unique: true });

export const outcomeKinds = ['decision', 'information', 'follow-up'] as const;

/** A result of one agenda item: a decision, an information, or a follow-up with owner and date. */
const outcomeSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		itemId: { type: Schema.Types.ObjectId, required: true },
		kind: { type: String, enum: outcomeKinds, required: true },
		text: { type: String, required: true },
		ownerId: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
		dueOn: { type: Date, default: null },
		/** When the owner was told the follow-up is overdue (once). */
		remindedAt: { type: Date, default: null },
		createdBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
outcomeSchema.index({ workshopId: 1, itemId: 1, createdAt: 1 });
outcomeSchema.index({ kind: 1, remindedAt: 1, dueOn: 1 });

export type WorkshopNoteVersionDoc = InferSchemaType<typeof noteVersionSchema> & {
	_id: Types.ObjectId;
};
export type WorkshopOutcomeDoc = InferSchemaType<typeof outcomeSchema> & { _id: Types.ObjectId };
export const WorkshopNoteVersion = defineModel('WorkshopNoteVersion', noteVersionSchema);
export const WorkshopOutcome = defineModel('WorkshopOutcome', outcomeSchema);
