import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { text } from '$lib/i18n';
import { formFailure, httpStatus, refusedAck, unwrap } from './respond';
import { ok, refused, Refusal, settle, type FailureCode } from './result';

/** What a thrown SvelteKit `error()` carried, or the thrown value itself. */
function thrown(run: () => unknown) {
	try {
		run();
	} catch (err) {
		return isHttpError(err) ? { status: err.status, body: err.body } : err;
	}
	return 'nothing thrown';
}

describe('result', () => {
	it('names a default text for every code and keeps a field only when given', () => {
		expect(refused('forbidden')).toEqual({
			ok: false,
			failure: { code: 'forbidden', message: 'errors.forbidden' }
		});
		expect(refused('conflict', 'admin.cohorts.duplicate', 'name').failure).toEqual({
			code: 'conflict',
			message: 'admin.cohorts.duplicate',
			field: 'name'
		});
		for (const code of Object.keys(httpStatus) as FailureCode[]) {
			const { message } = refused(code).failure;
			expect(text('de', message)).not.toBe(message);
			expect(text('en', message)).not.toBe(text('de', message));
		}
	});

	it('settle turns a thrown refusal into a failed result and lets other errors through', async () => {
		expect(await settle(async () => 42)).toEqual(ok(42));
		expect(
			await settle(async () => {
				throw new Refusal('invalid', 'forum.errors.locked');
			})
		).toEqual(refused('invalid', 'forum.errors.locked'));
		await expect(
			settle(async () => {
				throw new Error('database gone');
			})
		).rejects.toThrow('database gone');
	});
});

describe('respond', () => {
	it('unwrap hands out the value, or answers the failure as an error page', () => {
		expect(unwrap(ok({ id: 'a' }))).toEqual({ id: 'a' });
		expect(thrown(() => unwrap(refused('not_found')))).toEqual({
			status: 404,
			body: { message: 'not_found', code: 'not_found' }
		});
		expect(thrown(() => unwrap(refused('forbidden')))).toMatchObject({ status: 403 });
		expect(thrown(() => unwrap(refused('unavailable')))).toMatchObject({ status: 503 });
	});

	it('a form failure carries the localised text on its field and keeps the input without secrets', () => {
		const raw = { name: 'Durchgang 1', password: 'geheim-123456' };
		const failure = refused('conflict', 'admin.cohorts.duplicate', 'name').failure;
		const answer = formFailure(failure, raw, 'de');
		expect(isActionFailure(answer)).toBe(true);
		expect(answer.status).toBe(409);
		expect(answer.data).toEqual({
			values: { name: 'Durchgang 1' },
			errors: { name: 'Einen Durchgang mit diesem Namen gibt es schon.' }
		});
		const english = formFailure(
			refused('invalid', 'forum.errors.locked').failure,
			{},
			'en',
			'body'
		);
		expect(english.status).toBe(400);
		expect(english.data.errors).toEqual({ body: text('en', 'forum.errors.locked') });
	});

	it('a form action on something that is not there is the 404 page, as the page itself', () => {
		expect(thrown(() => formFailure(refused('not_found').failure, {}, 'de'))).toMatchObject({
			status: 404
		});
	});

	it('a socket acknowledgement carries the code and the text in the member’s language', () => {
		const failure = refused('rate_limited', 'forum.errors.rate_limited').failure;
		expect(refusedAck(failure, 'de')).toEqual({
			ok: false,
			code: 'rate_limited',
			error: 'Sie schreiben gerade sehr schnell. Bitte warten Sie einen Moment.'
		});
		expect(refusedAck(failure, 'en').error).toBe(text('en', 'forum.errors.rate_limited'));
	});
});
