import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { startMailbox, tokenFrom as linkToken, type Mailbox } from '../../../../tests/support/mail';
import { PasswordReset } from '../db/models';
import { createMember } from '../members';
import { attemptLogin } from './login';
import * as reset from './password-reset';
import { createSession, validateSessionToken } from './sessions';
import { hashToken } from './tokens';

useTestDatabase('pwreset');

let mailbox: Mailbox;
let received: Mailbox['received'];
let memberId: string;

beforeAll(async () => {
	mailbox = await startMailbox();
	received = mailbox.received;
	process.env.SMTP_URL = mailbox.url;
	process.env.LOGIN_THROTTLE = 'off';
	memberId = await createMember({
		email: 'ruth@example.org',
		displayName: 'Ruth Reset',
		password: 'Altes-Passwort-1',
		roles: ['alumni'],
		locale: 'en'
	});
});
afterAll(async () => {
	delete process.env.SMTP_URL;
	await mailbox.close();
});

const tokenFrom = (body: string) => linkToken(body, '/password-reset');

describe('password reset', () => {
	it('mails a one-time link in the member language; unknown addresses get no mail', async () => {
		await reset.requestPasswordReset('niemand@example.org', 'http://app.test');
		expect(received).toHaveLength(0);
		await reset.requestPasswordReset('RUTH@example.org', 'http://app.test');
		expect(received).toHaveLength(1);
		expect(received[0]!.to).toBe('ruth@example.org');
		expect(received[0]!.body).toContain('Reset your password');
		const token = tokenFrom(received[0]!.body);
		expect(await PasswordReset.exists({ _id: token })).toBeNull();
		expect(await PasswordReset.exists({ _id: hashToken(token) })).not.toBeNull();
	});

	it('sets the new password once, ends every session, and the link is dead afterwards', async () => {
		const { token: sessionToken } = await createSession(memberId);
		const token = tokenFrom(received.at(-1)!.body);
		expect(await reset.isPasswordResetTokenValid(token)).toBe(true);
		expect(await reset.resetPassword(token, 'Neues-Passwort-2')).toBe(true);
		expect((await validateSessionToken(sessionToken)).session).toBeNull();
		expect(await reset.resetPassword(token, 'Drittes-Passwort-3')).toBe(false);
		expect((await attemptLogin('ruth@example.org', 'Neues-Passwort-2', '127.0.0.1')).ok).toBe(true);
	});

	it('sends at most one mail every two minutes, then refuses an expired link', async () => {
		await reset.requestPasswordReset('ruth@example.org', 'http://app.test');
		const count = received.length;
		await reset.requestPasswordReset('ruth@example.org', 'http://app.test');
		expect(received).toHaveLength(count);
		// Straight on the collection: mongoose keeps createdAt immutable.
		await PasswordReset.collection.updateMany(
			{},
			{ $set: { createdAt: new Date(Date.now() - 3 * 60_000) } }
		);
		await reset.requestPasswordReset('ruth@example.org', 'http://app.test');
		expect(received).toHaveLength(count + 1);
		const token = tokenFrom(received.at(-1)!.body);
		await PasswordReset.updateOne(
			{ _id: hashToken(token) },
			{ $set: { expiresAt: new Date(Date.now() - 1000) } }
		);
		expect(await reset.isPasswordResetTokenValid(token)).toBe(false);
		expect(await reset.resetPassword(token, 'Neues-Passwort-4')).toBe(false);
		expect(await reset.resetPassword('tampered', 'Neues-Passwort-4')).toBe(false);
	});
});
