import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/** A one-time password reset link; only the SHA-256 of its token is stored. */
const passwordResetSchema = new Schema(
	{
		_id: { type: String, required: true },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		expiresAt: { type: Date, required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);

passwordResetSchema.index({ memberId: 1 });
passwordResetSchema.index({ expiresAt: 1 });

export type PasswordResetDoc = InferSchemaType<typeof passwordResetSchema> & { _id: string };
export const PasswordReset = defineModel('PasswordReset', passwordResetSchema);
export { Types };
