import { Schema, type InferSchemaType, Types } from 'mongoose';
import { invalidateTags, tags } from '../../cache';
import { afterEveryWrite, defineModel } from './model';

export const channelKinds = ['cohort', 'workshop', 'general', 'direct'] as const;

/**
 * A realtime channel. Cohort channels are created with their cohort; membership of the cohort
 * is membership of the channel, so no member list is stored for them; likewise a workshop's
 * roster is the membership of its channel.
 */
const channelSchema = new Schema(
	{
		kind: { type: String, enum: channelKinds, required: true },
		name: { type: String, required: true, trim: true },
		slug: { type: String, required: true },
		cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', default: null },
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', default: null },
		/** The last sequence number handed out; messages get lastSeq + 1 atomically. */
		lastSeq: { type: Number, default: 0 },
		lastMessageAt: { type: Date, default: null }
	},
	{ timestamps: true }
);

channelSchema.index({ slug: 1 }, { unique: true });
// One channel per cohort is kept by the upsert in cohorts.ensureCohortChannel; FerretDB has
// no partial indexes, so the index itself is not unique.
channelSchema.index({ cohortId: 1 });
channelSchema.index({ kind: 1 });
channelSchema.index({ workshopId: 1 });

// The list of channels is cached (chat/channels.ts): every write retires it, except the
// coalesced bulk write of each channel's last message, which the list takes from memory.
afterEveryWrite(channelSchema, () => invalidateTags(tags.channels), { exceptBulkWrites: true });

export type ChannelDoc = InferSchemaType<typeof channelSchema> & { _id: Types.ObjectId };
export const Channel = defineModel('Channel', channelSchema);
