import { trusted } from 'mongoose';
import type { ChatMessageDto } from '$lib/realtime/events';
import { storedReactionKeys, type ReactionKey } from '$lib/reactions';
import type { HistoryRequest, SendMessageInput } from '$lib/schemas/chat';
import type { Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { Member, Message } from '../db/models';
import { errorFields, log } from '../log';
import { extractMentions, markdownToText, renderMarkdown } from '../markdown';
import { findMemberIdsByHandles } from '../members';
import { notify } from '../notifications';
import { getIO } from '../realtime/io';
import { appendMessage } from './append';
import * as searchIndex from '../search/sync';
import { tails } from './cache/tail';
import { noteSent } from './cache/write-behind';
import { channelRoom, memberReads, requireChannel, watchRoom, type ChannelInfo } from './channels';
import { ChatError } from './errors';
import { toMessageDto, type MessageLean } from './message-dto';

export type { ChatMessageDto };

/** Own messages may be edited this long after sending. */
export const editWindowMs = 15 * 60 * 1000;

export interface SendResult {
	message: ChatMessageDto;
	/** False when the clientId was already stored: the stored message, nothing new to broadcast. */
	created: boolean;
	mentionedIds: string[];
}

/**
 * Mentioned members to notify: those who can read the channel (nobody learns of a channel they
 * cannot see) and who want mention notifications.
 */
async function resolveMentions(
	channel: ChannelInfo,
	body: string,
	authorId: string
): Promise<string[]> {
	const handles = extractMentions(body);
	if (handles.length === 0) return [];
	const ids = [...(await findMemberIdsByHandles(handles)).values()].filter((id) => id !== authorId);
	if (ids.length === 0) return [];
	const members = await Member.find(
		{ _id: trusted({ $in: ids.map(oid) }) },
		{ roles: 1, cohortIds: 1, notifications: 1 }
	).lean();
	const readers = await Promise.all(members.map((m) => memberReads(m, channel)));
	return (
		members
			// Members who turned mention notifications off in their settings are left out.
			.filter((m, i) => readers[i] && m.notifications?.mentions !== false)
			.map((m) => m._id.toString())
	);
}

/**
 * Stores a message with the channel's next sequence number and returns it. Idempotent by
 * clientId: a retry returns the stored message with created=false (the caller then broadcasts
 * nothing). The caller broadcasts only after this resolved, so nothing unstored is ever shown.
 */
export async function sendMessage(
	actor: Actor & { displayName: string },
	input: SendMessageInput
): Promise<SendResult> {
	const channel = await requireChannel(actor, input.channelId, 'channel:write');
	const channelId = oid(channel.id);
	// No look-up by clientId first: the unique (channelId, clientId) index answers a retry, and
	// on the embedded database every extra query costs more than the insert itself.
	const mentionedIds = await resolveMentions(channel, input.body, actor.id);
	const html = renderMarkdown(input.body, { profile: 'chat' });
	const { doc, created } = await appendMessage<MessageLean>(channelId, {
		clientId: input.clientId,
		build: (seq) => ({
			channelId,
			seq,
			authorId: oid(actor.id),
			authorName: actor.displayName,
			body: input.body,
			html,
			clientId: input.clientId,
			replyTo: input.replyTo ?? null,
			mentionIds: mentionedIds.map(oid),
			createdAt: new Date()
		})
	});
	const message = created ? toMessageDto(doc) : ownRetry(doc, actor);
	if (created) {
		// Bookkeeping after the message is safely stored; a failure here loses nothing.
		noteSent(message);
		searchIndex.messageChanged(doc);
		if (mentionedIds.length > 0)
			void notifyMentioned(channel, message, actor, mentionedIds).catch((err: unknown) =>
				log.warn('Chat bookkeeping after send failed', errorFields(err))
			);
	}
	return { message, created, mentionedIds: created ? mentionedIds : [] };
}

/** A clientId belongs to its sender; another member reusing it gets "invalid", not the message. */
function ownRetry(doc: MessageLean, actor: Actor): ChatMessageDto {
	if (doc.authorId.toString() !== actor.id) throw new ChatError('invalid', 'invalid');
	return toMessageDto(doc);
}

function notifyMentioned(
	channel: ChannelInfo,
	message: ChatMessageDto,
	actor: Actor & { displayName: string },
	mentionedIds: string[]
) {
	return notify(mentionedIds, {
		kind: 'mention',
		actorId: actor.id,
		actorName: actor.displayName,
		title: channel.name,
		text: markdownToText(message.body, 200),
		link: `/chat/${channel.slug}#m${message.seq}`
	});
}

/**
 * Sends and, when the message is new, broadcasts it to the channel's room (on every instance
 * through the adapter). Store first, then broadcast: nothing unstored is ever shown.
 */
export async function postMessage(
	actor: Actor & { displayName: string },
	input: SendMessageInput
): Promise<SendResult> {
	const result = await sendMessage(actor, input);
	if (result.created) {
		const io = getIO();
		const { channelId, seq, authorId } = result.message;
		io?.to(channelRoom(channelId)).emit('message:new', result.message);
		io?.to(watchRoom(channelId)).emit('channel:activity', { channelId, seq, authorId });
	}
	return result;
}

/** Tells everyone in the channel about an edit, delete or reaction. */
export function broadcastUpdate(message: ChatMessageDto): void {
	getIO()?.to(channelRoom(message.channelId)).emit('message:updated', message);
}

export interface HistoryPage {
	/** In seq order; fewer than the limit means there is no more in that direction. */
	messages: ChatMessageDto[];
}

/**
 * A page of messages in seq order: the newest `limit` (no cursor), the `limit` before
 * `beforeSeq` (scrolling back), or the `limit` after `afterSeq` (resync after a reconnect).
 * Pages within the channel's newest few hundred come from memory (cache/tail.ts).
 */
export async function history(actor: Actor, req: HistoryRequest): Promise<HistoryPage> {
	const channel = await requireChannel(actor, req.channelId);
	const fromTail = await tails.page(channel.id, req);
	if (fromTail) return { messages: fromTail };
	const channelId = oid(channel.id);
	let rows: MessageLean[];
	if (req.afterSeq !== undefined) {
		rows = await Message.find({ channelId, seq: trusted({ $gt: req.afterSeq }) })
			.sort({ seq: 1 })
			.limit(req.limit)
			.lean<MessageLean[]>();
	} else {
		const filter: Record<string, unknown> = { channelId };
		if (req.beforeSeq !== undefined) filter.seq = trusted({ $lt: req.beforeSeq });
		rows = (
			await Message.find(filter).sort({ seq: -1 }).limit(req.limit).lean<MessageLean[]>()
		).reverse();
	}
	return { messages: rows.map(toMessageDto) };
}

/**
 * A message as stored now, by its id when the tail knows it (an index look-up), otherwise by
 * channel and seq.
 */
async function storedMessage(channelId: string, seq: number): Promise<MessageLean | null> {
	const id = await tails.idOf(channelId, seq);
	return id
		? Message.findById(oid(id)).lean<MessageLean>()
		: Message.findOne({ channelId: oid(channelId), seq }).lean<MessageLean>();
}

/** The stored change, shown in every instance's history, as the channel sees it. */
function changed(updated: MessageLean): ChatMessageDto {
	searchIndex.messageChanged(updated);
	const message = toMessageDto(updated);
	tails.changed(message);
	return message;
}

async function ownMessage(actor: Actor, channelId: string, seq: number) {
	const channel = await requireChannel(actor, channelId, 'channel:write');
	const doc = await storedMessage(channel.id, seq);
	if (!doc) throw new ChatError('not_found');
	if (doc.authorId.toString() !== actor.id) throw new ChatError('forbidden', 'notOwn');
	if (doc.deletedAt) throw new ChatError('invalid', 'deleted');
	return doc;
}

/** Edits an own message within the edit window; the HTML is rendered again. */
export async function editMessage(
	actor: Actor,
	input: { channelId: string; seq: number; body: string },
	now = new Date()
): Promise<ChatMessageDto> {
	const doc = await ownMessage(actor, input.channelId, input.seq);
	if (now.getTime() - doc.createdAt.getTime() > editWindowMs)
		throw new ChatError('forbidden', 'editWindow');
	const updated = await Message.findOneAndUpdate(
		{ _id: doc._id },
		{
			$set: {
				body: input.body,
				html: renderMarkdown(input.body, { profile: 'chat' }),
				editedAt: now
			}
		},
		{ returnDocument: 'after' }
	).lean<MessageLean>();
	return changed(updated!);
}

/** Deletes an own message: it stays in the sequence as "deleted", its text is cleared. */
export async function deleteMessage(
	actor: Actor,
	input: { channelId: string; seq: number }
): Promise<ChatMessageDto> {
	const doc = await ownMessage(actor, input.channelId, input.seq);
	const updated = await Message.findOneAndUpdate(
		{ _id: doc._id },
		{ $set: { body: '', html: '', deletedAt: new Date(), reactions: {}, mentionIds: [] } },
		{ returnDocument: 'after' }
	).lean<MessageLean>();
	return changed(updated!);
}

/**
 * Adds or removes the actor's reaction (a key from the schema's allow-list); removing also clears
 * it under the key it had before chat and forum shared one set.
 */
export async function reactToMessage(
	actor: Actor,
	input: { channelId: string; seq: number; reaction: ReactionKey; on: boolean }
): Promise<ChatMessageDto> {
	const channel = await requireChannel(actor, input.channelId, 'channel:write');
	const paths = storedReactionKeys(input.reaction).map((key) => `reactions.${key}`);
	const update = input.on
		? { $addToSet: { [paths[0]!]: actor.id } }
		: { $pull: Object.fromEntries(paths.map((path) => [path, actor.id])) };
	// By id when the tail knows it (an index look-up). A deletion racing with it may end up
	// holding the reaction, which a deleted message never shows (toMessageDto).
	const id = await tails.idOf(channel.id, input.seq);
	const updated = await Message.findOneAndUpdate(
		id ? { _id: oid(id) } : { channelId: oid(channel.id), seq: input.seq, deletedAt: null },
		update,
		{ returnDocument: 'after' }
	).lean<MessageLean>();
	if (!updated || updated.deletedAt) throw new ChatError('not_found');
	const message = toMessageDto(updated);
	tails.changed(message);
	return message;
}
