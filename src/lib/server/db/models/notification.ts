import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

export const notificationKinds = ['mention', 'reply', 'workshop', 'moderation'] as const;

/** An in-app notification; `link` is a same-site path, `text` a plain-text summary. */
const notificationSchema = new Schema(
	{
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		kind: { type: String, enum: notificationKinds, required: true },
		actorId: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
		actorName: { type: String, default: '' },
		title: { type: String, required: true },
		text: { type: String, default: '' },
		link: { type: String, required: true },
		readAt: { type: Date, default: null }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);

notificationSchema.index({ memberId: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ memberId: 1, readAt: 1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & {
	_id: Types.ObjectId;
	createdAt: Date;
};
export const Notification = defineModel('Notification', notificationSchema);
