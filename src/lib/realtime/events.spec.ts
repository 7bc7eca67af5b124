import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { reactToMessage, sendMessage } from '$lib/schemas/chat';
import type { Ack, ChatMessageDto, RequestAnswer, RequestEvent, RequestPayload } from './events';

// `npm run check` type-checks this file: a payload type that drifts from its schema fails it.
describe('socket event types', () => {
	it('take their payloads from the schemas the server validates with', () => {
		expectTypeOf<RequestPayload<'message:send'>>().toEqualTypeOf<z.input<typeof sendMessage>>();
		expectTypeOf<RequestPayload<'message:react'>>().toEqualTypeOf<z.input<typeof reactToMessage>>();
		expectTypeOf<RequestAnswer<'message:send'>>().toEqualTypeOf<Ack<ChatMessageDto>>();
		expectTypeOf<RequestEvent>().toEqualTypeOf<
			| 'channel:join'
			| 'channel:leave'
			| 'channel:watch'
			| 'channel:read'
			| 'message:send'
			| 'message:history'
			| 'message:edit'
			| 'message:delete'
			| 'message:react'
			| 'thread:join'
			| 'workshop:join'
		>();

		const react: RequestPayload<'message:react'> = {
			channelId: 'c0ffee000000000000000001',
			seq: 1,
			reaction: 'like',
			on: true
		};
		// @ts-expect-error a reaction outside the set is not a payload the types allow
		const unknownReaction: RequestPayload<'message:react'> = { ...react, reaction: 'thumbsup' };
		expect(reactToMessage.safeParse(react).success).toBe(true);
		expect(reactToMessage.safeParse(unknownReaction).success).toBe(false);
	});
});
