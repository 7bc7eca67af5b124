import { Schema, type InferSchemaType, Types } from 'mongoose';
import { needSourceKinds, needStatuses } from '$lib/workshops';
import { defineModel } from './model';

const sourceSchema = new Schema(
	{
		kind: { type: String, enum: needSourceKinds, required: true },
		/** A survey answer: the question and the answer set. */
		questionId: { type: Schema.Types.ObjectId, default: null },
		responseId: { type: Schema.Types.ObjectId, default: null },
		/** An agenda item's notes. */
		itemId: { type: Schema.Types.ObjectId, default: null },
		addedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		addedAt: { type: Date, default: () => new Date() }
	},
	{ _id: false }
);

/**
 * A need card ("Bedarf") collected in a workshop. A card merged into another keeps its row and
 * points to the card that took over its description and sources.
 */
const needSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		title: { type: String, required: true, trim: true },
		descriptionSource: { type: String, default: '' },
		/** Rendered and sanitised once on write. */
		descriptionHtml: { type: String, default: '' },
		/** null: several municipalities ("mehrere"). */
		municipalityId: { type: Schema.Types.ObjectId, ref: 'Municipality', default: null },
		topic: { type: String, default: '', trim: true },
		status: { type: String, enum: needStatuses, default: 'new' },
		sources: { type: [sourceSchema], default: [] },
		mergedInto: { type: Schema.Types.ObjectId, ref: 'Need', default: null },
		createdBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
needSchema.index({ workshopId: 1, mergedInto: 1, createdAt: 1 });
needSchema.index({ status: 1, createdAt: -1 });

/** The dot vote of one workshop: how many dots each voter has, and whether it is open. */
const needVoteSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		state: { type: String, enum: ['open', 'closed'], required: true },
		dotsPerVoter: { type: Number, required: true },
		maxPerCard: { type: Number, required: true },
		openedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null }
	},
	{ timestamps: true }
);
needVoteSchema.index({ workshopId: 1 }, { unique: true });

/**
 * One dot a voter put on a card. `slot` numbers the voter's dots 1..dotsPerVoter and `cardSlot`
 * their dots on one card 1..maxPerCard; the two unique indexes refuse a dot beyond either limit
 * however many requests race, on MongoDB and on the embedded database alike (neither a
 * transaction nor an atomic conditional update is needed).
 */
const needDotSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		needId: { type: Schema.Types.ObjectId, ref: 'Need', required: true },
		voterId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		/** The voter's roster role when the dot was given: the results split by it. */
		voterRole: { type: String, enum: ['participant', 'supervisor'], required: true },
		slot: { type: Number, required: true },
		cardSlot: { type: Number, required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);
needDotSchema.index({ workshopId: 1, voterId: 1, slot: 1 }, { unique: true });
needDotSchema.index({ needId: 1, voterId: 1, cardSlot: 1 }, { unique: true });

export type NeedDoc = InferSchemaType<typeof needSchema> & { _id: Types.ObjectId };
export type NeedVoteDoc = InferSchemaType<typeof needVoteSchema> & { _id: Types.ObjectId };
export const Need = defineModel('Need', needSchema);
export const NeedVote = defineModel('NeedVote', needVoteSchema);
export const NeedDot = defineModel('NeedDot', needDotSchema);
