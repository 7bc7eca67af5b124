import { Schema, type InferSchemaType, Types } from 'mongoose';
import { defineModel } from './model';

/**
 * A chat message. `seq` is the per-channel sequence number (1, 2, 3, ... without gaps): clients
 * page and resync by it. `clientId` is the sender's idempotency key: a retried send finds the
 * stored message through the unique (channelId, clientId) index instead of creating a second.
 */
const messageSchema = new Schema({
	channelId: { type: Schema.Types.ObjectId, ref: 'Channel', required: true },
	seq: { type: Number, required: true },
	authorId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
	authorName: { type: String, required: true },
	/** Markdown source; cleared on delete. */
	body: { type: String, default: '' },
	/** Sanitised HTML rendered from body on write; the only HTML the page shows. */
	html: { type: String, default: '' },
	clientId: { type: String, required: true },
	/** Sequence number of the message this one answers. */
	replyTo: { type: Number, default: null },
	/**
	 * Reaction name (from a small allow-list, e.g. "thumbsup") -> ids of the members who reacted.
	 * Names, not emoji characters, are the keys: they are safe field names for $addToSet/$pull.
	 */
	reactions: { type: Schema.Types.Mixed, default: () => ({}) },
	mentionIds: { type: [Schema.Types.ObjectId], default: [] },
	editedAt: { type: Date, default: null },
	deletedAt: { type: Date, default: null },
	createdAt: { type: Date, default: () => new Date() }
});

// History and resync read by (channelId, seq) ranges; the unique index also decides seq races.
messageSchema.index({ channelId: 1, seq: 1 }, { unique: true });
messageSchema.index({ channelId: 1, clientId: 1 }, { unique: true });

export type MessageDoc = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId };
export const Message = defineModel('Message', messageSchema);

/**
 * How far a member has read in a channel: the highest seq seen. One document per pair, its id
 * `<memberId>:<channelId>` (chat/read-state.ts), so every look-up is by `_id`.
 */
const channelReadSchema = new Schema({
	_id: { type: String, required: true },
	channelId: { type: Schema.Types.ObjectId, ref: 'Channel', required: true },
	memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
	lastReadSeq: { type: Number, default: 0 },
	updatedAt: { type: Date, default: () => new Date() }
});
channelReadSchema.index({ memberId: 1, channelId: 1 }, { unique: true });

export const ChannelRead = defineModel('ChannelRead', channelReadSchema);
