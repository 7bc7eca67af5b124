import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { hashToken } from '../auth/tokens';
import { Cohort, Invitation, Member } from '../db/models';
import { createMember } from '../members';
import * as invitations from './index';

useTestDatabase('invitations');

/** The link token leaves the service only by mail; tests take it from the logged link. */
async function inviteAndGetToken(email: string, cohortId: string | null = null): Promise<string> {
	const lines: string[] = [];
	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = ((chunk: string) => {
		lines.push(String(chunk));
		return true;
	}) as typeof process.stdout.write;
	try {
		const result = await invitations.createInvitation(
			{ email, displayName: '', roles: ['alumni'], cohortId, municipalityId: null, locale: 'de' },
			{ id: inviterId, displayName: 'Orga' },
			'http://localhost'
		);
		expect(result.ok).toBe(true);
	} finally {
		process.stdout.write = write;
	}
	const match = lines.join('').match(/\/invite\/([a-z2-7]{32})/);
	return match![1]!;
}

let inviterId: string;
let cohortId: string;

beforeAll(async () => {
	inviterId = await createMember({
		email: 'orga@example.org',
		displayName: 'Orga Nisatorin',
		password: 'Passwort-123456',
		roles: ['organiser']
	});
	const cohort = await Cohort.create({
		name: 'Testdurchgang',
		slug: 'testdurchgang',
		programme: 'federal',
		startsOn: new Date('2024-01-01'),
		endsOn: new Date('2024-06-01')
	});
	cohortId = cohort._id.toString();
});

describe('invitations', () => {
	it('stores only the hash of the token and creates the member with the invited cohort', async () => {
		const token = await inviteAndGetToken('neu@example.org', cohortId);
		expect(await Invitation.exists({ tokenHash: token })).toBeNull();
		expect(await Invitation.exists({ tokenHash: hashToken(token) })).not.toBeNull();
		expect(await invitations.checkInvitationToken(token)).toMatchObject({ status: 'valid' });

		const accepted = await invitations.acceptInvitation(token, {
			displayName: 'Neue Person',
			password: 'Ein-gutes-Passwort',
			locale: 'de'
		});
		expect(accepted.ok).toBe(true);
		const member = await Member.findOne({ email: 'neu@example.org' }).lean();
		expect(member!.cohortIds.map(String)).toEqual([cohortId]);
		expect(member!.roles).toEqual(['alumni']);
		// Single use
		expect(await invitations.checkInvitationToken(token)).toEqual({ status: 'accepted' });
		const again = await invitations.acceptInvitation(token, {
			displayName: 'Noch mal',
			password: 'Ein-gutes-Passwort',
			locale: 'de'
		});
		expect(again).toEqual({ ok: false, reason: 'accepted' });
	});

	it('refuses an invitation for an email that already has an account', async () => {
		const result = await invitations.createInvitation(
			{
				email: 'ORGA@example.org',
				displayName: '',
				roles: ['alumni'],
				cohortId: null,
				municipalityId: null,
				locale: 'de'
			},
			{ id: inviterId, displayName: 'Orga' },
			'http://localhost'
		);
		expect(result).toEqual({ ok: false, reason: 'member_exists' });
	});

	it('answers tampered, unknown, expired and revoked links clearly', async () => {
		expect(await invitations.checkInvitationToken('not-a-token')).toEqual({ status: 'invalid' });
		expect(await invitations.checkInvitationToken('a'.repeat(32))).toEqual({ status: 'invalid' });

		const expiring = await inviteAndGetToken('alt@example.org');
		await Invitation.updateOne(
			{ tokenHash: hashToken(expiring) },
			{ $set: { expiresAt: new Date(Date.now() - 1000) } }
		);
		expect(await invitations.checkInvitationToken(expiring)).toEqual({ status: 'expired' });
		const late = await invitations.acceptInvitation(expiring, {
			displayName: 'Zu Spät',
			password: 'Ein-gutes-Passwort',
			locale: 'de'
		});
		expect(late).toEqual({ ok: false, reason: 'expired' });
		expect(await Member.exists({ email: 'alt@example.org' })).toBeNull();

		const revoking = await inviteAndGetToken('zurueck@example.org');
		const inv = await Invitation.findOne({ tokenHash: hashToken(revoking) }).lean();
		expect(await invitations.revokeInvitation(inv!._id.toString())).toBe(true);
		expect(await invitations.checkInvitationToken(revoking)).toEqual({ status: 'revoked' });
	});

	it('resending replaces the link: the old one is dead', async () => {
		const old = await inviteAndGetToken('zweimal@example.org');
		const inv = await Invitation.findOne({ tokenHash: hashToken(old) }).lean();
		expect(
			await invitations.resendInvitation(
				inv!._id.toString(),
				{ displayName: 'Orga' },
				'http://x',
				'de'
			)
		).toBe('sent');
		expect(await invitations.checkInvitationToken(old)).toEqual({ status: 'invalid' });
		const page = await invitations.listInvitations(null, 2);
		expect(page.items).toHaveLength(2);
		expect(page.nextCursor).not.toBeNull();
		const rest = await invitations.listInvitations(page.nextCursor, 50);
		const ids = [...page.items, ...rest.items].map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
