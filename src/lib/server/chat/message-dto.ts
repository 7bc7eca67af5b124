import type { Types } from 'mongoose';
import type { ChatMessageDto } from '$lib/realtime/events';
import { readReactions } from '$lib/reactions';

/** A stored chat message as `.lean()` reads it. */
export type MessageLean = {
	_id: Types.ObjectId;
	channelId: Types.ObjectId;
	seq: number;
	authorId: Types.ObjectId;
	authorName: string;
	body?: string | null;
	html?: string | null;
	clientId: string;
	replyTo?: number | null;
	reactions?: Record<string, string[]> | null;
	editedAt?: Date | null;
	deletedAt?: Date | null;
	createdAt: Date;
};

export function toMessageDto(m: MessageLean): ChatMessageDto {
	return {
		id: m._id.toString(),
		channelId: m.channelId.toString(),
		seq: m.seq,
		authorId: m.authorId.toString(),
		authorName: m.authorName,
		body: m.deletedAt ? '' : (m.body ?? ''),
		html: m.deletedAt ? '' : (m.html ?? ''),
		clientId: m.clientId,
		replyTo: m.replyTo ?? null,
		// A deleted message shows nothing, also no reaction that raced with its deletion.
		reactions: m.deletedAt ? {} : readReactions(m.reactions),
		editedAt: m.editedAt ? m.editedAt.toISOString() : null,
		deletedAt: m.deletedAt ? m.deletedAt.toISOString() : null,
		createdAt: m.createdAt.toISOString()
	};
}
