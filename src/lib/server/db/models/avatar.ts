import { Schema } from 'mongoose';
import { defineModel } from './model';

/** Avatar images, re-encoded to WebP on upload; kept apart so member queries stay small. */
const avatarSchema = new Schema(
	{
		_id: { type: Schema.Types.ObjectId, required: true },
		contentType: { type: String, required: true },
		data: { type: Buffer, required: true }
	},
	{ timestamps: true }
);

export const Avatar = defineModel('Avatar', avatarSchema);
