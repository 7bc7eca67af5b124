import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

const municipalitySchema = new Schema(
	{
		name: { type: String, required: true, trim: true },
		district: { type: String, default: '' },
		state: { type: String, required: true },
		latitude: { type: Number, default: null },
		longitude: { type: Number, default: null }
	},
	{ timestamps: true }
);

municipalitySchema.index({ state: 1, name: 1 }, { unique: true });
municipalitySchema.index({ name: 1 });

export type MunicipalityDoc = InferSchemaType<typeof municipalitySchema> & { _id: Types.ObjectId };
export const Municipality = defineModel('Municipality', municipalitySchema);
