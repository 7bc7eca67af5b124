import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/** An emailed one-time link; only the SHA-256 of its token is stored. */
function oneTimeLinkSchema() {
	const schema = new Schema(
		{
			_id: { type: String, required: true },
			memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
			expiresAt: { type: Date, required: true }
		},
		{ timestamps: { createdAt: true, updatedAt: false } }
	);
	schema.index({ memberId: 1 });
	schema.index({ expiresAt: 1 });
	return schema;
}

export type PasswordResetDoc = InferSchemaType<ReturnType<typeof oneTimeLinkSchema>> & {
	_id: string;
};
/** Password reset links. */
export const PasswordReset = defineModel('PasswordReset', oneTimeLinkSchema());
/** Sign-in links ("Anmeldelink per E-Mail"), the way in that no login lock blocks. */
export const SignInLink = defineModel('SignInLink', oneTimeLinkSchema());
export type OneTimeLinkModel = typeof PasswordReset;
export { Types };
