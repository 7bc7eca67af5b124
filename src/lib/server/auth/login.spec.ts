import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { startMailbox, tokenFrom, type Mailbox } from '../../../../tests/support/mail';
import { limitRules } from '../limits';
import { createMember } from '../members';
import { attemptLogin } from './login';
import { redeemSignInLink, requestSignInLink } from './sign-in-link';

useTestDatabase('login');

const password = 'Richtiges-Passwort-1';
let mailbox: Mailbox;
let ownerId: string;

beforeAll(async () => {
	mailbox = await startMailbox();
	process.env.SMTP_URL = mailbox.url;
	process.env.LOGIN_THROTTLE = 'on';
	ownerId = await createMember({
		email: 'owner@example.org',
		displayName: 'Olga Owner',
		password,
		roles: ['alumni'],
		locale: 'de'
	});
	await createMember({
		email: 'second@example.org',
		displayName: 'Sven Second',
		password,
		roles: ['alumni'],
		locale: 'de'
	});
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	await mailbox.close();
});
afterEach(() => {
	vi.useRealTimers();
});

const fail = (email: string, address: string) => attemptLogin(email, 'falsch-geraten', address);

describe('login throttling', () => {
	it('locks guesses from one address, not the owner elsewhere; unknown emails answer alike', async () => {
		const answersFor = async (email: string) => {
			const answers = [];
			for (let i = 0; i < limitRules.loginPair.points; i++) {
				const answer = await fail(email, '198.51.100.1');
				answers.push(answer.ok ? 'ok' : answer.reason);
			}
			const withRightPassword = await attemptLogin(email, password, '198.51.100.1');
			return [...answers, withRightPassword.ok ? 'ok' : withRightPassword.reason];
		};
		const known = await answersFor('owner@example.org');
		expect(known).toEqual([
			...Array(limitRules.loginPair.points - 1).fill('invalid'),
			'locked',
			'locked'
		]);
		expect(await answersFor('niemand@example.org')).toEqual(known);
		expect(await attemptLogin('owner@example.org', password, '192.0.2.10')).toEqual({
			ok: true,
			memberId: ownerId
		});
	}, 30_000);

	it('an expired lock is gone at once, and new failures lock again without waiting for a sweep', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const address = '198.51.100.2';
		const lockUp = async () => {
			let last;
			for (let i = 0; i < limitRules.loginPair.points; i++)
				last = await fail('second@example.org', address);
			return last;
		};
		expect(await lockUp()).toMatchObject({ ok: false, reason: 'locked' });
		vi.advanceTimersByTime(limitRules.loginPair.duration * 1000 + 1000);
		expect(await attemptLogin('second@example.org', password, address)).toMatchObject({
			ok: true
		});
		expect(await lockUp()).toMatchObject({ ok: false, reason: 'locked' });
	}, 30_000);

	it('locks the account itself only after failures from many addresses; the mailed sign-in link still works', async () => {
		const addresses = limitRules.loginAccountAddresses.points;
		const perAddress = Math.ceil(limitRules.loginAccountFailures.points / addresses);
		expect(perAddress).toBeLessThan(limitRules.loginPair.points);
		for (let a = 0; a < addresses; a++)
			for (let i = 0; i < perAddress; i++) await fail('owner@example.org', `203.0.113.${a + 1}`);
		const fromHome = await attemptLogin('owner@example.org', password, '192.0.2.99');
		expect(fromHome).toMatchObject({ ok: false, reason: 'locked' });

		await requestSignInLink('OWNER@example.org', '192.0.2.99', 'http://app.test');
		await requestSignInLink('niemand@example.org', '192.0.2.99', 'http://app.test');
		expect(mailbox.received.map((m) => m.to)).toEqual(['owner@example.org']);
		const token = tokenFrom(mailbox.received[0]!.body, '/login/link');
		expect(mailbox.received[0]!.body).toContain('Anmeldelink');
		expect(await redeemSignInLink(token)).toBe(ownerId);
		expect(await redeemSignInLink(token)).toBeNull(); // one use only
	}, 60_000);
});
