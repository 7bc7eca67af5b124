import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';
import { roles } from './member';

/** An invitation into the closed network; only the SHA-256 of its link token is stored. */
const invitationSchema = new Schema(
	{
		tokenHash: { type: String, required: true },
		email: { type: String, required: true, lowercase: true, trim: true },
		displayName: { type: String, default: '' },
		roles: { type: [String], enum: roles, required: true },
		cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', default: null },
		municipalityId: { type: Schema.Types.ObjectId, ref: 'Municipality', default: null },
		invitedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		expiresAt: { type: Date, required: true },
		usedAt: { type: Date, default: null },
		revokedAt: { type: Date, default: null },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
		/** A guest invitation for one workshop (a supervisor brought by an alumna). */
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', default: null },
		/** The alumna or alumnus whose supervisor this is (the tandem). */
		tandemOf: { type: Schema.Types.ObjectId, ref: 'Member', default: null }
	},
	{ timestamps: true }
);

invitationSchema.index({ tokenHash: 1 }, { unique: true });
invitationSchema.index({ createdAt: -1, _id: -1 });
invitationSchema.index({ email: 1 });

export type InvitationDoc = InferSchemaType<typeof invitationSchema> & {
	_id: Types.ObjectId;
	createdAt: Date;
};
export const Invitation = defineModel('Invitation', invitationSchema);
