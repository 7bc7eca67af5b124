import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { freePort } from '../db/embedded';
import { Invitation } from '../db/models';
import { htmlOf } from '../mail';
import { createMember } from '../members';
import { invitationFor } from '../../../../tests/support/invitations';
import * as invitations from './index';

useTestDatabase('invitemail');

let inviterId: string;
const inviter = () => ({
	id: inviterId,
	roles: ['organiser' as const],
	cohortIds: [],
	displayName: 'Orga'
});

beforeAll(async () => {
	// A port nobody listens on: the SMTP connection is refused.
	process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
	inviterId = await createMember({
		email: 'orga2@example.org',
		displayName: 'Orga',
		password: 'Passwort-123456',
		roles: ['organiser']
	});
});

describe('invitation mail', () => {
	it('leaves no invitation behind when the mail cannot be sent', async () => {
		const result = await invitations.createInvitation(
			inviter(),
			invitationFor('niemals@example.org')
		);
		expect(result).toEqual({
			ok: false,
			failure: { code: 'unavailable', message: 'admin.invitations.mailFailed', field: 'email' }
		});
		expect(await Invitation.countDocuments({})).toBe(0);
	});

	it('keeps a pending invitation when a resend cannot be mailed, and says so', async () => {
		const [pending] = await Invitation.insertMany([
			{
				tokenHash: 'x'.repeat(64),
				email: 'spaeter@example.org',
				roles: ['alumni'],
				invitedBy: inviterId,
				expiresAt: new Date(Date.now() + 86_400_000)
			}
		]);
		const result = await invitations.resendInvitation(inviter(), {
			id: pending!._id.toString(),
			origin: 'http://localhost',
			locale: 'de'
		});
		expect(result).toMatchObject({ ok: false, failure: { code: 'unavailable' } });
		expect(
			await Invitation.countDocuments({ _id: pending!._id, usedAt: null, revokedAt: null })
		).toBe(1);
	});

	it('builds the HTML part with everything escaped', () => {
		const html = htmlOf({
			to: 'x@example.org',
			subject: 's',
			text: 'Hallo <script>alert(1)</script>\n\nhttp://a.example/x?a=1&b="2"',
			link: 'http://a.example/x?a=1&b="2"',
			linkLabel: 'Los <b>'
		});
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;');
		expect(html).toContain('href="http://a.example/x?a=1&#38;b=&#34;2&#34;"');
		expect(html).toContain('Los &#60;b&#62;');
	});
});
