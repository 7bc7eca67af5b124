import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/**
 * A workshop's material: an uploaded file (its bytes and checks in the upload service, see
 * Upload) or a link. Name, size and type of a file are copied here, so the list is one query.
 */
const workshopMaterialSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		kind: { type: String, enum: ['file', 'link'], required: true },
		/** What the list shows; for a file without one, its name. */
		title: { type: String, default: '' },
		/** A link's https address. */
		url: { type: String, default: '' },
		uploadId: { type: Schema.Types.ObjectId, ref: 'Upload', default: null },
		name: { type: String, default: '' },
		size: { type: Number, default: null },
		ext: { type: String, default: '' },
		addedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
workshopMaterialSchema.index({ workshopId: 1, createdAt: 1 });

export type WorkshopMaterialDoc = InferSchemaType<typeof workshopMaterialSchema> & {
	_id: Types.ObjectId;
};
export const WorkshopMaterial = defineModel('WorkshopMaterial', workshopMaterialSchema);
