import { z } from 'zod';
import { objectId, reaction } from './fields';

/**
 * Chat message and socket payload schemas. Messages are keys of the `validation` and `chat`
 * dictionaries. Objects are strict: unknown keys (and so nested junk) make the payload invalid.
 */
export const maxMessageLength = 4000;

const seq = z.number('invalid').int('invalid').min(1, 'invalid').max(Number.MAX_SAFE_INTEGER);
export const messageBody = z
	.string('required')
	.max(maxMessageLength, 'tooLong')
	.refine((s) => s.trim().length > 0, 'required');
/** The sender's idempotency key: a UUID or similar token made by the client. */
export const clientId = z.string('invalid').regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid');

export const channelRef = z.strictObject({ channelId: objectId });

/** The channels whose activity a tab follows for its unread badges. */
export const watchChannels = z.strictObject({
	channelIds: z.array(objectId, 'invalid').max(100, 'invalid')
});

export const sendMessage = z.strictObject({
	channelId: objectId,
	clientId,
	body: messageBody,
	replyTo: seq.nullish()
});

export const historyRequest = z
	.strictObject({
		channelId: objectId,
		beforeSeq: seq.optional(),
		afterSeq: z.number('invalid').int('invalid').min(0, 'invalid').optional(),
		limit: z.number('invalid').int('invalid').min(1, 'invalid').max(200, 'invalid').default(50)
	})
	.refine((v) => v.beforeSeq === undefined || v.afterSeq === undefined, 'invalid');

export const editMessage = z.strictObject({ channelId: objectId, seq, body: messageBody });
export const deleteMessage = z.strictObject({ channelId: objectId, seq });
export const reactToMessage = z.strictObject({
	channelId: objectId,
	seq,
	reaction,
	on: z.boolean('invalid')
});
export const markRead = z.strictObject({ channelId: objectId, seq: seq });

export type SendMessageInput = z.infer<typeof sendMessage>;
export type HistoryRequest = z.infer<typeof historyRequest>;

/** The composer form without JavaScript (the channel comes from the URL). */
export const sendForm = z.strictObject({
	clientId,
	body: messageBody,
	replyTo: z.coerce.number('invalid').int('invalid').min(1, 'invalid').optional()
});
