import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort } from '../../../../tests/support/records';
import type { Actor } from '../auth/permissions';
import { AuditEntry, Member, type Role } from '../db/models';
import * as members from './index';

useTestDatabase('members_admin');

async function person(name: string, roles: Role[]): Promise<Actor> {
	const id = await members.createMember({
		email: `${name.toLowerCase()}@example.org`,
		displayName: name,
		password: 'Passwort-123456',
		roles
	});
	return { id, roles, cohortIds: [] };
}

let admin: Actor;
let organiser: Actor;
let alumna: Actor;
let cohortA: string;
let cohortB: string;

beforeAll(async () => {
	admin = await person('Admina', ['admin']);
	organiser = await person('Orga', ['organiser']);
	alumna = await person('Anna', ['alumni']);
	const cohort = (name: string) =>
		createCohort(name, name.toLowerCase(), {
			programme: 'federal',
			startsOn: new Date('2024-01-01'),
			endsOn: new Date('2024-06-01')
		});
	cohortA = await cohort('A');
	cohortB = await cohort('B');
});

const storedMember = (actor: Actor) => Member.findById(actor.id).lean();

describe('admin changes', () => {
	it('keeps the last admin from locking everyone out', async () => {
		expect(await members.isLastAdmin(admin.id)).toBe(true);
		expect(await members.setRoles(admin, { memberId: admin.id, roles: ['alumni'] })).toEqual({
			ok: false,
			failure: { code: 'invalid', message: 'admin.members.ownAdminRole', field: 'roles' }
		});
		expect(await members.setActive(admin, { memberId: admin.id, active: false })).toMatchObject({
			ok: false,
			failure: { code: 'invalid', message: 'admin.members.notSelf' }
		});
		const promoted = await members.setRoles(admin, {
			memberId: organiser.id,
			roles: ['organiser', 'admin', 'admin']
		});
		expect(promoted).toMatchObject({ ok: true, value: { roles: ['organiser', 'admin'] } });
		expect((await storedMember(organiser))!.roles).toEqual(['organiser', 'admin']);
		expect(await members.isLastAdmin(admin.id)).toBe(false);
		await members.setRoles(admin, { memberId: organiser.id, roles: ['organiser'] });
	});

	it('assigns only existing cohorts', async () => {
		const assign = (cohortIds: string[]) =>
			members.setCohorts(admin, { memberId: alumna.id, cohortIds });
		expect(await assign([cohortA, cohortB])).toMatchObject({ ok: true });
		expect(await assign(['0123456789abcdef01234567'])).toMatchObject({
			ok: false,
			failure: { code: 'invalid', field: 'cohortIds' }
		});
		expect((await storedMember(alumna))!.cohortIds.map(String)).toEqual([cohortA, cohortB]);
	});

	it('audits every change it makes, with the acting admin', async () => {
		const before = await AuditEntry.countDocuments({ targetId: alumna.id });
		expect(await members.setActive(admin, { memberId: alumna.id, active: false })).toMatchObject({
			ok: true,
			value: { active: false }
		});
		expect(await members.setActive(admin, { memberId: alumna.id, active: true })).toMatchObject({
			ok: true
		});
		const entries = await AuditEntry.find({ targetId: alumna.id }).sort({ _id: 1 }).lean();
		expect(entries.slice(before).map((e) => [e.action, e.actorId.toString()])).toEqual([
			['member.deactivate', admin.id],
			['member.reactivate', admin.id]
		]);
	});

	it('a refused change writes nothing and audits nothing', async () => {
		const member = await storedMember(alumna);
		const audited = await AuditEntry.countDocuments();
		const refusals = [
			// not allowed: organisers and alumni do not manage members
			members.setRoles(organiser, { memberId: alumna.id, roles: ['admin'] }),
			members.setCohorts(alumna, { memberId: alumna.id, cohortIds: [] }),
			members.setActive(organiser, { memberId: alumna.id, active: false }),
			// allowed, but refused by a rule of the change
			members.setCohorts(admin, { memberId: alumna.id, cohortIds: ['0123456789abcdef01234567'] }),
			members.setActive(admin, { memberId: admin.id, active: false }),
			// no such member
			members.setRoles(admin, { memberId: '0123456789abcdef01234567', roles: ['alumni'] }),
			members.setRoles(admin, { memberId: 'kein-objekt', roles: ['alumni'] })
		];
		const codes = (await Promise.all(refusals)).map((r) => (r.ok ? 'ok' : r.failure.code));
		expect(codes).toEqual([
			'forbidden',
			'forbidden',
			'forbidden',
			'invalid',
			'invalid',
			'not_found',
			'not_found'
		]);
		expect(await storedMember(alumna)).toEqual(member);
		expect((await storedMember(admin))!.deactivatedAt ?? null).toBeNull();
		expect(await AuditEntry.countDocuments()).toBe(audited);
	});

	it('lists and shows members to admins only', async () => {
		expect(await members.listMembersForAdmin(organiser, {})).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await members.getMemberForAdmin(alumna, alumna.id)).toMatchObject({ ok: false });
		const list = await members.listMembersForAdmin(admin, { q: 'ann' });
		expect(list.ok && list.value.items.map((m) => m.displayName)).toEqual(['Anna']);
	});
});
