import { error } from '@sveltejs/kit';
import { messages, type Locale } from '$lib/i18n';
import { formError } from '../forms';
import * as limits from '../limits';
import { isForumError } from './access';

/** Posts and threads per member (limits.ts: forumWrite). */
export const mayWrite = (memberId: string) => limits.take('forumWrite', memberId);
export const mayPreview = (memberId: string) => limits.take('markdownPreview', memberId);

/** For loads: a refused read is a 404 (existence does not leak), a refused action a 403. */
export function rethrow(err: unknown): never {
	if (isForumError(err)) {
		if (err.code === 'forbidden') error(403, { message: 'forbidden', code: 'forbidden' });
		error(404, { message: 'not_found', code: 'not_found' });
	}
	throw err;
}

/**
 * For form actions: a refused write answers with the localised reason and the user's input,
 * so nothing typed is lost. A thread or post the member may not see is still a 404.
 */
export function failure(
	err: unknown,
	raw: Record<string, unknown>,
	locale: Locale,
	field = 'form'
) {
	if (!isForumError(err)) throw err;
	if (err.code === 'not_found') error(404, { message: 'not_found', code: 'not_found' });
	const status = err.code === 'forbidden' || err.code === 'category_forbidden' ? 403 : 400;
	return formError(raw, messages(locale).forum.errors[err.code], field, status);
}

export function rateLimited(raw: Record<string, unknown>, locale: Locale) {
	return formError(raw, messages(locale).forum.errors.rate_limited, 'form', 429);
}
