import { Schema, type InferSchemaType, Types } from 'mongoose';
import { roles, type Role } from '$lib/roles';
import { defineModel } from './model';

export { roles, type Role };

const memberSchema = new Schema(
	{
		email: { type: String, required: true, lowercase: true, trim: true },
		displayName: { type: String, required: true, trim: true },
		/** Unique @handle for mentions, e.g. "anna.schulze"; derived from the name at creation. */
		handle: { type: String, required: true, lowercase: true },
		/** Lower-cased, umlaut-folded name: the directory's sort and prefix-search key. */
		sortName: { type: String, required: true },
		passwordHash: { type: String, required: true },
		roles: { type: [String], enum: roles, default: ['alumni'] },
		municipalityId: { type: Schema.Types.ObjectId, ref: 'Municipality', default: null },
		cohortIds: { type: [Schema.Types.ObjectId], ref: 'Cohort', default: [] },
		jobTitle: { type: String, default: '' },
		bio: { type: String, default: '' },
		topics: { type: [String], default: [] },
		hasAvatar: { type: Boolean, default: false },
		avatarVersion: { type: Number, default: 0 },
		locale: { type: String, enum: ['de', 'en'], default: 'de' },
		notifications: {
			mentions: { type: Boolean, default: true },
			replies: { type: Boolean, default: true },
			workshops: { type: Boolean, default: true },
			email: { type: Boolean, default: false }
		},
		lastSeenAt: { type: Date, default: null },
		deactivatedAt: { type: Date, default: null }
	},
	{ timestamps: true }
);

memberSchema.index({ email: 1 }, { unique: true });
memberSchema.index({ handle: 1 }, { unique: true });
// Directory listings: sorted by name, filtered by cohort, municipality or topic, paged by cursor.
memberSchema.index({ sortName: 1, _id: 1 });
memberSchema.index({ cohortIds: 1, sortName: 1, _id: 1 });
memberSchema.index({ municipalityId: 1, sortName: 1, _id: 1 });
memberSchema.index({ topics: 1, sortName: 1, _id: 1 });

export type MemberDoc = InferSchemaType<typeof memberSchema> & { _id: Types.ObjectId };
export const Member = defineModel('Member', memberSchema);
