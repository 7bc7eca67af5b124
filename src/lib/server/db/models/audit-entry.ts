import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/** Who did which moderation or admin action to what, and when. Never edited, never deleted. */
const auditEntrySchema = new Schema(
	{
		actorId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		action: { type: String, required: true },
		targetType: { type: String, required: true },
		targetId: { type: String, required: true },
		summary: { type: String, default: '' },
		details: { type: Schema.Types.Mixed, default: {} }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);

auditEntrySchema.index({ createdAt: -1, _id: -1 });
auditEntrySchema.index({ targetType: 1, targetId: 1, createdAt: -1 });

export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema> & {
	_id: Types.ObjectId;
	createdAt: Date;
};
export const AuditEntry = defineModel('AuditEntry', auditEntrySchema);
