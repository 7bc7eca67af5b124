import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { newActor, storeMembers } from '../../../../tests/support/records';
import { valueOf } from '../../../../tests/support/result';
import type { Actor } from '../auth/permissions';
import { AuditEntry, Channel, Cohort, Member, Municipality } from '../db/models';
import * as cohorts from './index';

useTestDatabase('cohorts');

const organiser: Actor = { id: '0123456789abcdef01234567', roles: ['organiser'], cohortIds: [] };
const alumna: Actor = { id: '0123456789abcdef01234568', roles: ['alumni'], cohortIds: [] };
const spring = {
	name: 'Frühjahr 2025',
	programme: 'federal' as const,
	startsOn: new Date('2025-03-01'),
	endsOn: new Date('2025-09-01')
};

describe('cohorts', () => {
	it('creates a cohort with its channel and audits it', async () => {
		const created = await cohorts.createCohort(organiser, spring);
		expect(created).toMatchObject({ ok: true, value: { name: 'Frühjahr 2025' } });
		const id = created.ok ? created.value.id : '';
		expect(await Channel.exists({ kind: 'cohort', cohortId: id })).not.toBeNull();
		expect(await AuditEntry.findOne({ targetId: id }).lean()).toMatchObject({
			action: 'cohort.create',
			summary: 'Frühjahr 2025'
		});
	});

	it('answers a duplicate name as a conflict on the name field, not as a database error', async () => {
		const again = await cohorts.createCohort(organiser, spring);
		expect(again).toEqual({
			ok: false,
			failure: { code: 'conflict', message: 'admin.cohorts.duplicate', field: 'name' }
		});
		const other = await cohorts.createCohort(organiser, { ...spring, name: 'Herbst 2025' });
		const id = other.ok ? other.value.id : '';
		const renamed = await cohorts.updateCohort(organiser, { ...spring, name: 'Herbst 2026', id });
		expect(renamed).toMatchObject({ ok: true, value: { name: 'Herbst 2026' } });
		expect(await AuditEntry.exists({ action: 'cohort.update', targetId: id })).not.toBeNull();
	});

	it('refuses members who may not manage cohorts, and bad dates, without writing', async () => {
		const cohortsBefore = await Cohort.countDocuments();
		const audited = await AuditEntry.countDocuments();
		expect(await cohorts.createCohort(alumna, { ...spring, name: 'Nie' })).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(
			await cohorts.createCohort(organiser, {
				...spring,
				name: 'Rückwärts',
				endsOn: spring.startsOn
			})
		).toMatchObject({ ok: false, failure: { code: 'invalid', field: 'endsOn' } });
		expect(await cohorts.getCohort(organiser, 'kein-objekt')).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
		expect(await Cohort.countDocuments()).toBe(cohortsBefore);
		expect(await AuditEntry.countDocuments()).toBe(audited);
	});

	it('municipalities: unique per state, audited', async () => {
		const potsdam = { name: 'Potsdam', district: '', state: 'Brandenburg' };
		const created = await cohorts.createMunicipality(organiser, potsdam);
		expect(created).toMatchObject({ ok: true });
		expect(await cohorts.createMunicipality(organiser, potsdam)).toMatchObject({
			ok: false,
			failure: { code: 'conflict', message: 'admin.municipalities.duplicate' }
		});
		expect(await cohorts.createMunicipality(alumna, { ...potsdam, state: 'Hessen' })).toMatchObject(
			{ ok: false, failure: { code: 'forbidden' } }
		);
		expect(await Municipality.countDocuments({ name: 'Potsdam' })).toBe(1);
		const id = created.ok ? created.value.id : '';
		expect(await cohorts.getMunicipality(organiser, id)).toMatchObject({
			ok: true,
			value: { name: 'Potsdam' }
		});
		expect(await AuditEntry.countDocuments({ action: 'municipality.create' })).toBe(1);
	});
});

describe('staffing a cohort from its page', () => {
	const anna = newActor(['alumni']);
	const jonas = newActor(['alumni']);
	const gone = newActor(['alumni']);
	let cohortId: string;

	it('lists members, finds people outside by name, adds and removes them, audited', async () => {
		await storeMembers([
			{ ...anna, displayName: 'Anna Schulze' },
			{ ...jonas, displayName: 'Jonas Becker' },
			{ ...gone, displayName: 'Anke Alt' }
		]);
		await Member.updateOne({ _id: gone.id }, { $set: { deactivatedAt: new Date() } });
		cohortId = valueOf(
			await cohorts.createCohort(organiser, { ...spring, name: 'Sommer 2026' })
		).id;
		const empty = valueOf(await cohorts.cohortRoster(organiser, { cohortId, q: 'an' }));
		expect(empty.members).toEqual([]);
		// Any word of the name; deactivated members are not offered.
		expect(empty.candidates!.map((c) => c.displayName)).toEqual(['Anna Schulze']);
		expect(
			valueOf(await cohorts.cohortRoster(organiser, { cohortId, q: 'beck' })).candidates!.map(
				(c) => c.displayName
			)
		).toEqual(['Jonas Becker']);

		const added = await cohorts.changeCohortMembership(organiser, {
			cohortId,
			memberId: anna.id,
			change: 'add'
		});
		expect(added).toEqual({ ok: true, value: { displayName: 'Anna Schulze' } });
		// Twice is once: no second entry in the member's cohorts, nothing recorded again.
		await cohorts.changeCohortMembership(organiser, { cohortId, memberId: anna.id, change: 'add' });
		expect((await Member.findById(anna.id).lean())!.cohortIds.map(String)).toEqual([cohortId]);
		const roster = valueOf(await cohorts.cohortRoster(organiser, { cohortId, q: 'an' }));
		expect(roster.members.map((m) => m.displayName)).toEqual(['Anna Schulze']);
		expect(roster.candidates).toEqual([]);

		await cohorts.changeCohortMembership(organiser, {
			cohortId,
			memberId: anna.id,
			change: 'remove'
		});
		expect((await Member.findById(anna.id).lean())!.cohortIds).toEqual([]);
		const log = await AuditEntry.find({ targetId: cohortId }).sort({ _id: 1 }).lean();
		expect(log.map((e) => [e.action, e.summary])).toEqual([
			['cohort.create', 'Sommer 2026'],
			['cohort.member-add', 'Sommer 2026: Anna Schulze'],
			['cohort.member-remove', 'Sommer 2026: Anna Schulze']
		]);
	});

	it('is for organisers only; unknown cohorts and members are not found', async () => {
		const change = { cohortId, memberId: jonas.id, change: 'add' as const };
		expect(await cohorts.changeCohortMembership(alumna, change)).toMatchObject({
			failure: { code: 'forbidden' }
		});
		expect(await cohorts.cohortRoster(alumna, { cohortId })).toMatchObject({
			failure: { code: 'forbidden' }
		});
		expect(
			await cohorts.changeCohortMembership(organiser, { ...change, memberId: 'nope' })
		).toMatchObject({ failure: { code: 'not_found' } });
		expect(
			await cohorts.changeCohortMembership(organiser, {
				...change,
				cohortId: new Types.ObjectId().toString()
			})
		).toMatchObject({ failure: { code: 'not_found' } });
		expect((await Member.findById(jonas.id).lean())!.cohortIds).toEqual([]);
	});
});
