import type { MessageKey } from '$lib/i18n';

/**
 * What every service answers: a plain value, or why it refused. Routes turn a failure into a
 * form error, an HTTP error or a socket acknowledgement (`respond.ts`); the codes are the only
 * vocabulary, the message is a dictionary key so every caller shows the same text.
 */
export type FailureCode =
	'not_found' | 'forbidden' | 'invalid' | 'conflict' | 'rate_limited' | 'unavailable';

export interface Failure {
	code: FailureCode;
	/** What the member reads, as a key of the dictionaries. */
	message: MessageKey;
	/** The form field the failure belongs to; the caller's default when missing. */
	field?: string;
}

export type Refused = { ok: false; failure: Failure };
export type Result<T> = { ok: true; value: T } | Refused;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

const defaultMessages: Record<FailureCode, MessageKey> = {
	not_found: 'errors.notFound',
	forbidden: 'errors.forbidden',
	invalid: 'validation.invalid',
	conflict: 'errors.conflict',
	rate_limited: 'errors.rateLimited',
	unavailable: 'errors.unavailable'
};

export function refused(code: FailureCode, message?: MessageKey, field?: string): Refused {
	const failure: Failure = { code, message: message ?? defaultMessages[code] };
	if (field) failure.field = field;
	return { ok: false, failure };
}

/**
 * Thrown by a service's inner steps when the refusal is found deep in a call chain; `settle`
 * turns it back into a result at the service's edge, so it never reaches a route.
 */
export class Refusal extends Error {
	readonly failure: Failure;
	constructor(code: FailureCode, message?: MessageKey, field?: string) {
		super(code);
		this.name = 'Refusal';
		this.failure = refused(code, message, field).failure;
	}
}

/** Runs a service's steps and answers a thrown Refusal as a failed result; other errors pass. */
export async function settle<T>(steps: () => Promise<T>): Promise<Result<T>> {
	try {
		return ok(await steps());
	} catch (err) {
		if (err instanceof Refusal) return { ok: false, failure: err.failure };
		throw err;
	}
}
