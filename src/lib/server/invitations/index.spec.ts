import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { hashToken } from '../auth/tokens';
import { AuditEntry, Cohort, Invitation, Member, type Role } from '../db/models';
import { createMember } from '../members';
import { invitationFor } from '../../../../tests/support/invitations';
import { loggedLinks } from '../../../../tests/support/mail-log';
import * as invitations from './index';
import type { Inviter } from './index';

useTestDatabase('invitations');

/** The link token leaves the service only by mail; tests take it from the logged link. */
async function inviteAndGetToken(email: string, cohortId: string | null = null): Promise<string> {
	const [link] = await loggedLinks(async () => {
		const result = await invitations.createInvitation(
			inviter(),
			invitationFor(email, { cohortId })
		);
		expect(result.ok).toBe(true);
	});
	return link!.split('/invite/')[1]!;
}

let inviterId: string;
let cohortId: string;
const inviter = (): Inviter => ({
	id: inviterId,
	roles: ['organiser'],
	cohortIds: [],
	displayName: 'Orga'
});

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
		expect(again).toMatchObject({ ok: false, failure: { message: 'auth.invite.accepted' } });
	});

	it('refuses an invitation for an email that already has an account', async () => {
		const result = await invitations.createInvitation(inviter(), invitationFor('ORGA@example.org'));
		expect(result).toEqual({
			ok: false,
			failure: { code: 'conflict', message: 'admin.invitations.memberExists', field: 'email' }
		});
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
		expect(late).toMatchObject({ ok: false, failure: { message: 'auth.invite.expired' } });
		expect(await Member.exists({ email: 'alt@example.org' })).toBeNull();

		const revoking = await inviteAndGetToken('zurueck@example.org');
		const inv = await Invitation.findOne({ tokenHash: hashToken(revoking) }).lean();
		expect(await invitations.revokeInvitation(inviter(), { id: inv!._id.toString() })).toEqual({
			ok: true,
			value: null
		});
		expect(await invitations.checkInvitationToken(revoking)).toEqual({ status: 'revoked' });
	});

	it('resending replaces the link: the old one is dead', async () => {
		const old = await inviteAndGetToken('zweimal@example.org');
		const inv = await Invitation.findOne({ tokenHash: hashToken(old) }).lean();
		const resent = await invitations.resendInvitation(inviter(), {
			id: inv!._id.toString(),
			origin: 'http://x',
			locale: 'de'
		});
		expect(resent).toEqual({ ok: true, value: null });
		expect(await invitations.checkInvitationToken(old)).toEqual({ status: 'invalid' });
		const page = await invitations.listInvitations(inviter(), { limit: 2 });
		expect(page.ok && page.value.items).toHaveLength(2);
		const cursor = page.ok ? page.value.nextCursor : null;
		expect(cursor).not.toBeNull();
		const rest = await invitations.listInvitations(inviter(), { cursor });
		const ids = [page, rest].flatMap((p) => (p.ok ? p.value.items : [])).map((i) => i.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('only admins hand out the admin role; a refused invitation stores, mails and audits nothing', async () => {
		const invitationsBefore = await Invitation.countDocuments();
		const audited = await AuditEntry.countDocuments();
		const ask = (actor: Inviter, roles: Role[]) =>
			invitations.createInvitation(actor, invitationFor('chefin@example.org', { roles }));
		expect(await ask(inviter(), ['alumni', 'admin'])).toMatchObject({
			ok: false,
			failure: { code: 'forbidden', field: 'roles' }
		});
		const alumna: Inviter = { ...inviter(), roles: ['alumni'] };
		expect(await ask(alumna, ['alumni'])).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await invitations.revokeInvitation(alumna, { id: cohortId })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await Invitation.countDocuments()).toBe(invitationsBefore);
		expect(await AuditEntry.countDocuments()).toBe(audited);
		expect(invitations.grantableRoles(inviter())).toEqual([
			'alumni',
			'supervisor',
			'observer',
			'moderator',
			'organiser'
		]);
		const admin: Inviter = { ...inviter(), roles: ['admin'] };
		expect(invitations.grantableRoles(admin)).toContain('admin');
		const created = await ask(admin, ['admin']);
		expect(created).toMatchObject({ ok: true });
		const id = created.ok ? created.value.id : '';
		expect(await AuditEntry.findOne({ targetId: id }).lean()).toMatchObject({
			action: 'invitation.create',
			summary: 'chefin@example.org (admin)'
		});
	});
});
