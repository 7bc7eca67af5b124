import type { Messages } from '$lib/i18n';
import { isDatabaseUnavailableError } from '../db';
import { Refusal, type FailureCode } from '../result';

/** A refused chat event: the shared Refusal, with its text in `chat.errors`. */
export class ChatError extends Refusal {
	constructor(code: FailureCode, reason: keyof Messages['chat']['errors'] = 'notFound') {
		super(code, `chat.errors.${reason}`);
		this.name = 'ChatError';
	}
}

/**
 * The code and text key (in `chat.errors`) a socket acknowledgement answers a thrown error
 * with; anything but a refusal or a lost database is 'unexpected'.
 */
export function errorCode(err: unknown): { code: FailureCode; reason: string } {
	if (err instanceof Refusal)
		return { code: err.failure.code, reason: err.failure.message.split('.').at(-1)! };
	if (isDatabaseUnavailableError(err)) return { code: 'unavailable', reason: 'unavailable' };
	return { code: 'unavailable', reason: 'unexpected' };
}
