/**
 * The typed Socket.IO event maps shared by server and browser (types only).
 * Events are named noun:verb. Every client event that expects an answer takes an
 * acknowledgement callback receiving an Ack.
 */

import type { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import type { Reactions } from '$lib/reactions';
import type { Role } from '$lib/roles';
import type * as chat from '$lib/schemas/chat';
import type { threadRoomSchema } from '$lib/schemas/forum';
import type { workshopRoomSchema } from '$lib/schemas/workshop-results';

export type Ack<T> = { ok: true; data: T } | { ok: false; error: string; code: AckErrorCode };

export type AckErrorCode =
	'invalid' | 'not_found' | 'forbidden' | 'rate_limited' | 'unavailable' | 'conflict';

export interface NotificationDto {
	id: string;
	kind: 'mention' | 'reply' | 'workshop' | 'moderation';
	actorName: string;
	title: string;
	text: string;
	link: string;
	read: boolean;
	createdAt: string;
}

export interface ChatMessageDto {
	id: string;
	channelId: string;
	seq: number;
	authorId: string;
	authorName: string;
	/** Markdown source (empty once deleted), for editing. */
	body: string;
	/** Sanitised HTML rendered on write. */
	html: string;
	clientId: string;
	replyTo: number | null;
	reactions: Reactions;
	editedAt: string | null;
	deletedAt: string | null;
	createdAt: string;
}

export interface ChatPresence {
	channelId: string;
	members: { id: string; name: string }[];
}

export interface ChatTyping {
	channelId: string;
	memberId: string;
	name: string;
	typing: boolean;
}

/**
 * What the client sends for an event: the input of the zod schema the server validates it with
 * (the server works with the schema's output after parsing).
 */
type Payload<S extends z.ZodType> = z.input<S>;
type ChatRequest<S extends z.ZodType, T> = (
	payload: Payload<S>,
	ack: (answer: Ack<T>) => void
) => void;

/** A forum tag: threads store the slug, pages show the name. */
export interface TagDto {
	slug: string;
	name: string;
}

/** What the shared avatar needs of a member besides id and name. */
export interface AvatarDto {
	hasAvatar: boolean;
	avatarVersion: number;
}

/** A member shown beside what they wrote: name, profile handle and picture. */
export interface AuthorDto extends AvatarDto {
	id: string;
	displayName: string;
	handle: string;
}

/** A forum post as a thread page shows it; hidden posts carry no html for members. */
export interface ForumPostDto {
	id: string;
	threadId: string;
	number: number;
	authorId: string;
	authorName: string;
	authorHandle: string;
	authorAvatar: AvatarDto;
	html: string;
	createdAt: string;
	editedAt: string | null;
	editCount: number;
	hidden: boolean;
	hiddenReason: string;
	quotedPostId: string | null;
	reactions: Reactions;
}

export interface ForumThreadStateDto {
	id: string;
	title: string;
	categoryId: string;
	pinned: boolean;
	locked: boolean;
	lastNumber: number;
}

/** The current notes of one agenda item of a workshop (version 0: none written yet). */
export interface WorkshopNoteDto {
	workshopId: string;
	itemId: string;
	version: number;
	/** Markdown source, for editing. */
	source: string;
	/** Sanitised HTML rendered on write. */
	html: string;
	editedBy: string;
	editedAt: string | null;
}

/** Where a live workshop stands: the agenda item running now and since when. */
export interface WorkshopLiveDto {
	workshopId: string;
	itemId: string | null;
	startedAt: string | null;
}

export interface ServerToClientEvents {
	'notification:new': (notification: NotificationDto) => void;
	'message:new': (message: ChatMessageDto) => void;
	/** An edit, delete or reaction: the full message as stored now. */
	'message:updated': (message: ChatMessageDto) => void;
	'typing:update': (typing: ChatTyping) => void;
	'presence:update': (presence: ChatPresence) => void;
	'post:new': (post: ForumPostDto) => void;
	'post:updated': (post: ForumPostDto) => void;
	'thread:updated': (thread: ForumThreadStateDto) => void;
	'note:updated': (note: WorkshopNoteDto) => void;
	'workshop:live': (live: WorkshopLiveDto) => void;
	/** The member's roles or cohorts changed: what the page shows may have changed too. */
	'rights:changed': () => void;
	/** A new message in a watched channel (for unread badges): no content, just where. */
	'channel:activity': (activity: { channelId: string; seq: number; authorId: string }) => void;
}

export interface ClientToServerEvents {
	'channel:join': ChatRequest<typeof chat.channelRef, { presence: ChatPresence }>;
	'channel:leave': ChatRequest<typeof chat.channelRef, null>;
	'channel:watch': ChatRequest<typeof chat.watchChannels, { channelIds: string[] }>;
	'channel:read': ChatRequest<typeof chat.markRead, { lastReadSeq: number }>;
	'message:send': ChatRequest<typeof chat.sendMessage, ChatMessageDto>;
	'message:history': ChatRequest<typeof chat.historyRequest, { messages: ChatMessageDto[] }>;
	'message:edit': ChatRequest<typeof chat.editMessage, ChatMessageDto>;
	'message:delete': ChatRequest<typeof chat.deleteMessage, ChatMessageDto>;
	'message:react': ChatRequest<typeof chat.reactToMessage, ChatMessageDto>;
	'typing:start': (payload: Payload<typeof chat.channelRef>) => void;
	'typing:stop': (payload: Payload<typeof chat.channelRef>) => void;
	/** Joins the live room of a thread the member may read. */
	'thread:join': (
		payload: Payload<typeof threadRoomSchema>,
		ack: (result: Ack<{ lastNumber: number }>) => void
	) => void;
	'thread:leave': (payload: Payload<typeof threadRoomSchema>) => void;
	/** Joins the live room of a workshop whose notes the member may read. */
	'workshop:join': (
		payload: Payload<typeof workshopRoomSchema>,
		ack: (result: Ack<WorkshopLiveDto>) => void
	) => void;
	'workshop:leave': (payload: Payload<typeof workshopRoomSchema>) => void;
}

/** The client events that are answered with an acknowledgement. */
export type RequestEvent = {
	[E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [
		unknown,
		(answer: never) => void
	]
		? E
		: never;
}[keyof ClientToServerEvents];
export type RequestPayload<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
export type RequestAnswer<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[1] extends (
	answer: infer A
) => void
	? A
	: never;

export interface SocketData {
	memberId: string;
	sessionId: string;
	roles: Role[];
	cohortIds: string[];
	displayName: string;
	locale: Locale;
}
