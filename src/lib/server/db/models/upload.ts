import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/** What an upload belongs to; its owner's rules decide who may download it. */
export const uploadOwners = ['workshop', 'forum'] as const;

/**
 * An accepted file. The bytes live in GridFS (bucket `uploads`) under the same `_id`, so every
 * app instance on the database serves them; this record exists only once the content passed
 * the checks, and nothing is served without it.
 */
const uploadSchema = new Schema(
	{
		_id: { type: Schema.Types.ObjectId, required: true },
		/** Display name, neutralised: no path, no control characters, the detected extension. */
		name: { type: String, required: true },
		size: { type: Number, required: true },
		/** Detected from the content, never taken from the name or the browser. */
		type: { type: String, required: true },
		ext: { type: String, required: true },
		ownerKind: { type: String, enum: uploadOwners, required: true },
		/** The workshop a material belongs to; null for forum images (the whole forum). */
		ownerId: { type: Schema.Types.ObjectId, default: null },
		uploadedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
uploadSchema.index({ ownerKind: 1, ownerId: 1 });

export type UploadDoc = InferSchemaType<typeof uploadSchema> & { _id: Types.ObjectId };
export const Upload = defineModel('Upload', uploadSchema);
