import { Types, trusted } from 'mongoose';
import type { ChatMessageDto } from '$lib/realtime/events';
import { readReactions, storedReactionKeys, type ReactionKey } from '$lib/reactions';
import type { HistoryRequest, SendMessageInput } from '$lib/schemas/chat';
import { can, type Actor, type ChannelResource } from '../auth/permissions';
import { isDatabaseUnavailableError } from '../db';
import { Channel, ChannelRead, Member, Message } from '../db/models';
import { extractMentions, markdownToText, renderMarkdown } from '../markdown';
import { findMemberIdsByHandles } from '../members';
import { notify } from '../notifications';
import { getIO } from '../realtime/io';
import { log, errorFields } from '../log';
import { appendMessage } from './append';

export type { ChatMessageDto };

/** Own messages may be edited this long after sending. */
export const editWindowMs = 15 * 60 * 1000;
export const generalChannelSlug = 'alumni';

export type ChatErrorCode = 'invalid' | 'not_found' | 'forbidden' | 'rate_limited' | 'unavailable';

/** A refusal with a code the socket layer turns into a localised error acknowledgement. */
export class ChatError extends Error {
	constructor(
		readonly code: ChatErrorCode,
		readonly reason:
			'notFound' | 'editWindow' | 'notOwn' | 'deleted' | 'invalid' | 'rate_limited' = 'notFound'
	) {
		super(code);
		this.name = 'ChatError';
	}
}

export interface ChannelInfo {
	id: string;
	kind: ChannelResource['kind'];
	name: string;
	slug: string;
	cohortId: string | null;
}

export interface ChannelListItem extends ChannelInfo {
	lastSeq: number;
	unread: number;
	lastMessageAt: string | null;
}

type ChannelLean = {
	_id: Types.ObjectId;
	kind: string;
	name: string;
	slug: string;
	cohortId?: Types.ObjectId | null;
	lastSeq?: number;
	lastMessageAt?: Date | null;
};

function toChannelInfo(c: ChannelLean): ChannelInfo {
	return {
		id: c._id.toString(),
		kind: c.kind as ChannelInfo['kind'],
		name: c.name,
		slug: c.slug,
		cohortId: c.cohortId ? c.cohortId.toString() : null
	};
}

export const asResource = (c: ChannelInfo): ChannelResource => ({
	kind: c.kind,
	cohortId: c.cohortId
});

/**
 * Channel kind and cohort never change after creation, so permission checks on every socket
 * event read them from this per-process cache instead of the database. Bounded in size.
 */
const channelCache = new Map<string, ChannelInfo>();

async function findChannelInfo(channelId: string): Promise<ChannelInfo | null> {
	const cached = channelCache.get(channelId);
	if (cached) return cached;
	if (!Types.ObjectId.isValid(channelId)) return null;
	const doc = await Channel.findById(channelId, { kind: 1, name: 1, slug: 1, cohortId: 1 }).lean();
	if (!doc) return null;
	const info = toChannelInfo(doc);
	if (channelCache.size > 10_000) channelCache.clear();
	channelCache.set(channelId, info);
	return info;
}

/**
 * The channel if the actor may do `action` in it; otherwise ChatError('not_found'), the same
 * answer as for an unknown id, so guessing ids reveals nothing.
 */
export async function requireChannel(
	actor: Actor,
	channelId: string,
	action: 'channel:read' | 'channel:write' = 'channel:read'
): Promise<ChannelInfo> {
	const channel = await findChannelInfo(channelId);
	if (!channel || !can(actor, action, asResource(channel))) throw new ChatError('not_found');
	return channel;
}

let generalEnsured: Promise<void> | null = null;

/** The network-wide alumni channel; created on first use and by the demo seed. */
export function ensureGeneralChannel(): Promise<void> {
	generalEnsured ??= Channel.updateOne(
		{ kind: 'general', slug: generalChannelSlug },
		{
			$setOnInsert: {
				kind: 'general',
				slug: generalChannelSlug,
				name: 'Alumni-Netzwerk',
				cohortId: null,
				lastSeq: 0
			}
		},
		{ upsert: true }
	)
		.then(() => undefined)
		.catch((err: unknown) => {
			generalEnsured = null;
			// A concurrent instance created it first: the unique slug index refused ours.
			if ((err as { code?: number }).code !== 11000) throw err;
		});
	return generalEnsured;
}

/** Channels the actor may read, with unread counts; general first, then cohorts by name. */
export async function listChannels(actor: Actor): Promise<ChannelListItem[]> {
	if (!can(actor, 'channel:list')) return [];
	await ensureGeneralChannel();
	const kinds = trusted({ $in: ['general', 'cohort'] });
	const rows = await Channel.find(
		{ kind: kinds },
		{ kind: 1, name: 1, slug: 1, cohortId: 1, lastSeq: 1, lastMessageAt: 1 }
	)
		.sort({ kind: 1, name: 1 })
		.limit(500)
		.lean();
	const visible = rows.filter((c) => can(actor, 'channel:read', asResource(toChannelInfo(c))));
	const reads = await ChannelRead.find(
		{
			memberId: new Types.ObjectId(actor.id),
			channelId: trusted({ $in: visible.map((c) => c._id) })
		},
		{ channelId: 1, lastReadSeq: 1 }
	).lean();
	const readSeq = new Map(reads.map((r) => [r.channelId.toString(), r.lastReadSeq]));
	const items = visible.map((c) => {
		const lastSeq = c.lastSeq ?? 0;
		return {
			...toChannelInfo(c),
			lastSeq,
			unread: Math.max(0, lastSeq - (readSeq.get(c._id.toString()) ?? 0)),
			lastMessageAt: c.lastMessageAt ? c.lastMessageAt.toISOString() : null
		};
	});
	const rank = (c: ChannelListItem) => (c.kind === 'general' ? 0 : 1);
	return items.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'de'));
}

/** A channel by its slug for the page, or null when unknown or not readable (404 alike). */
export async function findReadableChannelBySlug(
	actor: Actor,
	slug: string
): Promise<ChannelInfo | null> {
	if (slug === generalChannelSlug) await ensureGeneralChannel();
	const doc = await Channel.findOne({ slug }, { kind: 1, name: 1, slug: 1, cohortId: 1 }).lean();
	if (!doc) return null;
	const info = toChannelInfo(doc);
	return can(actor, 'channel:read', asResource(info)) ? info : null;
}

type MessageLean = {
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
		reactions: readReactions(m.reactions),
		editedAt: m.editedAt ? m.editedAt.toISOString() : null,
		deletedAt: m.deletedAt ? m.deletedAt.toISOString() : null,
		createdAt: m.createdAt.toISOString()
	};
}

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
		{ _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }) },
		{ roles: 1, cohortIds: 1, notifications: 1 }
	).lean();
	return (
		members
			// Members who turned mention notifications off in their settings are left out.
			.filter((m) => m.notifications?.mentions !== false)
			.filter((m) =>
				can(
					{
						id: m._id.toString(),
						roles: m.roles as Actor['roles'],
						cohortIds: m.cohortIds.map(String)
					},
					'channel:read',
					asResource(channel)
				)
			)
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
	const channelId = new Types.ObjectId(channel.id);
	// No look-up by clientId first: the unique (channelId, clientId) index answers a retry, and
	// on the embedded database every extra query costs more than the insert itself.
	const mentionedIds = await resolveMentions(channel, input.body, actor.id);
	const html = renderMarkdown(input.body, { profile: 'chat' });
	const { doc, created } = await appendMessage<MessageLean>(channelId, {
		clientId: input.clientId,
		build: (seq) => ({
			channelId,
			seq,
			authorId: new Types.ObjectId(actor.id),
			authorName: actor.displayName,
			body: input.body,
			html,
			clientId: input.clientId,
			replyTo: input.replyTo ?? null,
			mentionIds: mentionedIds.map((id) => new Types.ObjectId(id)),
			createdAt: new Date()
		})
	});
	const message = created ? toMessageDto(doc) : ownRetry(doc, actor);
	if (created) {
		// Bookkeeping after the message is safely stored; a failure here loses nothing.
		void afterStore(channel, message, actor, mentionedIds).catch((err: unknown) =>
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

/**
 * Channel "last message" and the sender's read position are coalesced: under a burst, one
 * write per channel and member every 250 ms instead of two per message, so the database
 * spends its time on the messages themselves.
 */
const pendingChannelSeq = new Map<string, { seq: number; at: Date }>();
const pendingReads = new Map<string, { actor: Actor; channelId: string; seq: number }>();
let bookkeepingTimer: ReturnType<typeof setTimeout> | null = null;

function scheduleBookkeeping() {
	bookkeepingTimer ??= setTimeout(() => {
		bookkeepingTimer = null;
		void flushBookkeeping().catch((err: unknown) =>
			log.warn('Chat bookkeeping after send failed', errorFields(err))
		);
	}, 250);
}

async function flushBookkeeping() {
	const channels = [...pendingChannelSeq];
	const reads = [...pendingReads.values()];
	pendingChannelSeq.clear();
	pendingReads.clear();
	await Promise.all([
		...channels.map(([id, { seq, at }]) =>
			Channel.updateOne(
				{ _id: new Types.ObjectId(id), lastSeq: trusted({ $lt: seq }) },
				{ $set: { lastSeq: seq, lastMessageAt: at } }
			)
		),
		...reads.map((r) => advanceRead(r.actor, r.channelId, r.seq))
	]);
}

async function afterStore(
	channel: ChannelInfo,
	message: ChatMessageDto,
	actor: Actor & { displayName: string },
	mentionedIds: string[]
) {
	const known = pendingChannelSeq.get(channel.id);
	if (!known || known.seq < message.seq)
		pendingChannelSeq.set(channel.id, { seq: message.seq, at: new Date(message.createdAt) });
	const readKey = `${actor.id}:${channel.id}`;
	if ((pendingReads.get(readKey)?.seq ?? 0) < message.seq)
		pendingReads.set(readKey, { actor, channelId: channel.id, seq: message.seq });
	scheduleBookkeeping();
	if (mentionedIds.length > 0)
		await notify(mentionedIds, {
			kind: 'mention',
			actorId: actor.id,
			actorName: actor.displayName,
			title: channel.name,
			text: markdownToText(message.body, 200),
			link: `/chat/${channel.slug}#m${message.seq}`
		});
}

export const channelRoom = (channelId: string) => `channel:${channelId}`;
/** Tabs that show the channel in their list follow it here, for unread badges only. */
export const watchRoom = (channelId: string) => `channel-watch:${channelId}`;

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
 */
export async function history(actor: Actor, req: HistoryRequest): Promise<HistoryPage> {
	const channel = await requireChannel(actor, req.channelId);
	const channelId = new Types.ObjectId(channel.id);
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

async function ownMessage(actor: Actor, channelId: string, seq: number) {
	const channel = await requireChannel(actor, channelId, 'channel:write');
	const doc = await Message.findOne({
		channelId: new Types.ObjectId(channel.id),
		seq
	}).lean<MessageLean>();
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
	return toMessageDto(updated!);
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
	return toMessageDto(updated!);
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
	const updated = await Message.findOneAndUpdate(
		{ channelId: new Types.ObjectId(channel.id), seq: input.seq, deletedAt: null },
		update,
		{ returnDocument: 'after' }
	).lean<MessageLean>();
	if (!updated) throw new ChatError('not_found');
	return toMessageDto(updated);
}

/** Moves the actor's read position forward (never back); answers the position now stored. */
export async function markRead(actor: Actor, channelId: string, seq: number): Promise<number> {
	const channel = await requireChannel(actor, channelId);
	const filter = await advanceRead(actor, channel.id, seq);
	const row = await ChannelRead.findOne(filter, { lastReadSeq: 1 }).lean();
	return row?.lastReadSeq ?? seq;
}

async function advanceRead(actor: Actor, channelId: string, seq: number) {
	const filter = {
		channelId: new Types.ObjectId(channelId),
		memberId: new Types.ObjectId(actor.id)
	};
	try {
		await ChannelRead.updateOne(
			{ ...filter, lastReadSeq: trusted({ $lt: seq }) },
			{ $set: { lastReadSeq: seq, updatedAt: new Date() } },
			{ upsert: true }
		);
	} catch (err) {
		// The pair exists with a higher position: the upsert collided with the unique index.
		if ((err as { code?: number }).code !== 11000) throw err;
	}
	return filter;
}

export async function lastReadSeq(actor: Actor, channelId: string): Promise<number> {
	const row = await ChannelRead.findOne(
		{ channelId: new Types.ObjectId(channelId), memberId: new Types.ObjectId(actor.id) },
		{ lastReadSeq: 1 }
	).lean();
	return row?.lastReadSeq ?? 0;
}

export interface ChannelMember {
	id: string;
	name: string;
	handle: string;
}

/** Members who can read the channel, for @mention autocomplete (bounded). */
export async function listChannelMembers(channel: ChannelInfo): Promise<ChannelMember[]> {
	const filter: Record<string, unknown> = { deactivatedAt: null };
	if (channel.kind === 'cohort' && channel.cohortId)
		filter.cohortIds = new Types.ObjectId(channel.cohortId);
	const rows = await Member.find(filter, { displayName: 1, handle: 1, roles: 1, cohortIds: 1 })
		.sort({ sortName: 1 })
		.limit(1000)
		.lean();
	return rows
		.filter((m) =>
			can(
				{
					id: m._id.toString(),
					roles: m.roles as Actor['roles'],
					cohortIds: m.cohortIds.map(String)
				},
				'channel:read',
				asResource(channel)
			)
		)
		.map((m) => ({ id: m._id.toString(), name: m.displayName, handle: m.handle }));
}

/** Maps thrown errors to the codes the socket acknowledges with. */
export function errorCode(err: unknown): { code: ChatErrorCode; reason: string } {
	if (err instanceof ChatError) return { code: err.code, reason: err.reason };
	if (isDatabaseUnavailableError(err)) return { code: 'unavailable', reason: 'unavailable' };
	return { code: 'unavailable', reason: 'unexpected' };
}
