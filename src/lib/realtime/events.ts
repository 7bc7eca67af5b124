/**
 * The typed Socket.IO event maps shared by server and browser (types only).
 * Events are named noun:verb. Every client event that expects an answer takes an
 * acknowledgement callback receiving an Ack.
 */

import type { Reactions } from '$lib/reactions';

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

type ChatRequest<P, T> = (payload: P, ack: (answer: Ack<T>) => void) => void;

/** A forum post as a thread page shows it; hidden posts carry no html for members. */
export interface ForumPostDto {
	id: string;
	threadId: string;
	number: number;
	authorId: string;
	authorName: string;
	authorHandle: string;
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
	/** The member's roles or cohorts changed: what the page shows may have changed too. */
	'rights:changed': () => void;
	/** A new message in a watched channel (for unread badges): no content, just where. */
	'channel:activity': (activity: { channelId: string; seq: number; authorId: string }) => void;
}

export interface ClientToServerEvents {
	'channel:join': ChatRequest<unknown, { presence: ChatPresence }>;
	'channel:leave': ChatRequest<unknown, null>;
	'channel:watch': ChatRequest<unknown, { channelIds: string[] }>;
	'channel:read': ChatRequest<unknown, { lastReadSeq: number }>;
	'message:send': ChatRequest<unknown, ChatMessageDto>;
	'message:history': ChatRequest<unknown, { messages: ChatMessageDto[] }>;
	'message:edit': ChatRequest<unknown, ChatMessageDto>;
	'message:delete': ChatRequest<unknown, ChatMessageDto>;
	'message:react': ChatRequest<unknown, ChatMessageDto>;
	'typing:start': (payload: unknown) => void;
	'typing:stop': (payload: unknown) => void;
	/** Joins the live room of a thread the member may read. */
	'thread:join': (
		payload: { threadId: string },
		ack: (result: Ack<{ lastNumber: number }>) => void
	) => void;
	'thread:leave': (payload: { threadId: string }) => void;
}

export interface SocketData {
	memberId: string;
	sessionId: string;
	roles: Array<'alumni' | 'supervisor' | 'moderator' | 'organiser' | 'admin'>;
	cohortIds: string[];
	displayName: string;
	locale: 'de' | 'en';
}
