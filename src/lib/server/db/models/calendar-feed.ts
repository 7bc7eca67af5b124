import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './model';

/**
 * A member's personal calendar subscription. Calendar apps fetch it without a cookie, so the
 * link itself is the secret: the _id is the hex SHA-256 of its token, as for sessions, and a
 * member has at most one (a new link replaces the old one).
 */
const calendarFeedSchema = new Schema(
	{
		_id: { type: String, required: true },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);

calendarFeedSchema.index({ memberId: 1 }, { unique: true });

export type CalendarFeedDoc = InferSchemaType<typeof calendarFeedSchema> & {
	_id: string;
	createdAt: Date;
};
export const CalendarFeed = defineModel('CalendarFeed', calendarFeedSchema);
