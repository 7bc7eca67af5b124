import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import type { Actor } from '../auth/permissions';
import { AuditEntry, Channel, Cohort, Municipality } from '../db/models';
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
