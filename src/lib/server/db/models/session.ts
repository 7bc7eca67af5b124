import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/** A login session as in the Lucia guide: the _id is the hex SHA-256 of the cookie token. */
const sessionSchema = new Schema(
	{
		_id: { type: String, required: true },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		expiresAt: { type: Date, required: true },
		lastUsedAt: { type: Date, required: true },
		userAgent: { type: String, default: '' }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);

sessionSchema.index({ memberId: 1 });
// Expired sessions are refused at validation and swept hourly (db/expiry.ts): FerretDB has no TTL indexes.
sessionSchema.index({ expiresAt: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema> & { _id: string; createdAt: Date };
export const Session = defineModel('Session', sessionSchema);
export { Types };
