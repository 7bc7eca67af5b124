import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';
import { rsvpAnswers } from '$lib/workshops';

const linkFields = {
	_id: { type: String, required: true },
	memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
	expiresAt: { type: Date, required: true }
} as const;

/** An emailed one-time link; only the SHA-256 of its token is stored. */
function oneTimeLinkSchema() {
	const schema = new Schema(linkFields, { timestamps: { createdAt: true, updatedAt: false } });
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

/**
 * A one-click answer ("Ja", "Vielleicht", "Nein") from a workshop invitation: one link per
 * answer, each usable once, valid until registration closes. Several mails (invitation, the
 * reminder) may each carry their own set.
 */
const rsvpLinkSchema = new Schema(
	{
		...linkFields,
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		answer: { type: String, enum: rsvpAnswers, required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);
rsvpLinkSchema.index({ workshopId: 1 });
rsvpLinkSchema.index({ expiresAt: 1 });

export type RsvpLinkDoc = InferSchemaType<typeof rsvpLinkSchema> & { _id: string };
export const RsvpLink = defineModel('WorkshopRsvpLink', rsvpLinkSchema);

export { Types };
