/**
 * The typed Socket.IO event maps shared by server and browser (types only).
 * Events are named noun:verb. Every client event that expects an answer takes an
 * acknowledgement callback receiving an Ack.
 */

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

export interface ServerToClientEvents {
	'notification:new': (notification: NotificationDto) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}

export interface SocketData {
	memberId: string;
	sessionId: string;
	roles: Array<'alumni' | 'supervisor' | 'moderator' | 'organiser' | 'admin'>;
	cohortIds: string[];
	displayName: string;
	locale: 'de' | 'en';
}
