import { error, json } from '@sveltejs/kit';
import type { Ack } from '$lib/realtime/events';
import { text, type Locale } from '$lib/i18n';
import { formError } from './forms';
import type { Failure, FailureCode, Result } from './result';

/**
 * The one place a service's failure becomes an answer: an HTTP error for loads and endpoints,
 * a form failure with the input kept for actions, an acknowledgement for socket events.
 */
export const httpStatus: Record<FailureCode, number> = {
	not_found: 404,
	forbidden: 403,
	invalid: 400,
	conflict: 409,
	rate_limited: 429,
	unavailable: 503
};

function errorPage(failure: Failure): never {
	error(httpStatus[failure.code], { message: failure.code, code: failure.code });
}

/** For loads and endpoints: the value, or the failure as an error page. */
export function unwrap<T>(result: Result<T>): T {
	if (!result.ok) errorPage(result.failure);
	return result.value;
}

/**
 * For form actions: the localised message on its field, the user's input kept. A target that
 * does not exist (or must not be seen) is still the 404 page, as for the page itself.
 */
export function formFailure(
	failure: Failure,
	raw: Record<string, unknown>,
	locale: Locale,
	field = 'form'
) {
	if (failure.code === 'not_found') errorPage(failure);
	return formError(
		raw,
		text(locale, failure.message),
		failure.field ?? field,
		httpStatus[failure.code]
	);
}

/** For endpoints that scripts call: the code and the localised message, as JSON. */
export function jsonFailure(failure: Failure, locale: Locale): Response {
	return json(
		{ code: failure.code, error: text(locale, failure.message) },
		{ status: httpStatus[failure.code] }
	);
}

/** For socket events: the acknowledgement a refused event answers with. */
export function refusedAck(failure: Failure, locale: Locale): Extract<Ack<never>, { ok: false }> {
	return { ok: false, code: failure.code, error: text(locale, failure.message) };
}
