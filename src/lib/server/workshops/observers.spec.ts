import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { loggedLinks } from '../../../../tests/support/mail-log';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import { zonedToInstant } from '$lib/time-zone';
import { can, type Actor } from '../auth/permissions';
import { createSession, validateSessionToken } from '../auth/sessions';
import { AuditEntry, Member, Workshop, WorkshopRegistration, WorkshopSeat } from '../db/models';
import * as invitations from '../invitations';
import {
	getWorkshopPage,
	inviteObserver,
	inviteSupervisor,
	revokeGuest,
	startWorkshops
} from './index';
import { addTandemSupervisor } from './guests';
import type { WorkshopLean } from './access';

useTestDatabase('workshop_observers');
startWorkshops({ origin: 'http://netzwerk.test' });

let cohort: string;
let organiser: Actor;
let alumna: Actor;
let workshopId: string;
const origin = 'http://netzwerk.test';
const year = new Date().getFullYear() + 1;

const memberOf = (email: string) => Member.findOne({ email }).lean();

beforeAll(async () => {
	cohort = await createCohort('Durchgang 1', 'd1');
	organiser = newActor(['organiser']);
	alumna = newActor(['alumni'], [cohort]);
	await storeMembers([organiser, alumna]);
	workshopId = await publishWorkshop(
		organiser,
		workshopInput(cohort, {
			capacity: 1,
			startsAt: zonedToInstant(`${year}-03-12`, '10:00', 'Europe/Berlin'),
			endsAt: zonedToInstant(`${year}-03-12`, '13:00', 'Europe/Berlin')
		})
	);
});

describe('observers of a workshop', () => {
	it('are invited by organisers only, for this one workshop, without a seat', async () => {
		const byAlumna = await inviteObserver(alumna, {
			workshopId,
			email: 'kts@bund.example',
			displayName: 'KTS',
			origin
		});
		expect(byAlumna.ok).toBe(false);

		const links = await loggedLinks(async () => {
			const sent = await inviteObserver(organiser, {
				workshopId,
				email: 'KTS@bund.example',
				displayName: 'Katrin Sommer',
				origin
			});
			expect(sent).toEqual({ ok: true, value: { status: 'invited' } });
		});
		const again = await inviteObserver(organiser, {
			workshopId,
			email: 'kts@bund.example',
			displayName: 'Katrin Sommer',
			origin
		});
		expect(again.ok ? null : again.failure.field).toBe('email');

		const token = links[0]!.split('/invite/')[1]!;
		const accepted = await invitations.acceptInvitation(token, {
			displayName: 'Katrin Sommer',
			password: 'ein langes Passwort 2030',
			locale: 'de'
		});
		expect(accepted.ok && accepted.value.workshopId).toBe(workshopId);
		const kts = (await memberOf('kts@bund.example'))!;
		expect(kts.roles).toEqual(['observer']);
		const entry = await WorkshopRegistration.findOne({ workshopId, memberId: kts._id }).lean();
		expect(entry?.role).toBe('observer');
		expect(await WorkshopSeat.countDocuments({ workshopId, memberId: kts._id })).toBe(0);

		const observer: Actor = { id: kts._id.toString(), roles: ['observer'], cohortIds: [] };
		const page = await getWorkshopPage(observer, workshopId);
		if (!page.ok) throw new Error(page.failure.code);
		expect(page.value.participants?.map((p) => p.role)).toContain('observer');
		expect(page.value.chatHref).toBe(`/chat/workshop-${workshopId}`);
		expect(can(observer, 'directory:view')).toBe(false);
		expect(await AuditEntry.countDocuments({ action: 'workshop.invite-observer' })).toBe(1);
	});

	it('a network member is not invited as an observer', async () => {
		const stored = await Member.findById(alumna.id).lean();
		const refused = await inviteObserver(organiser, {
			workshopId,
			email: stored!.email,
			displayName: 'X',
			origin
		});
		expect(refused.ok ? null : refused.failure.message).toBe('workshops.errors.memberNotGuest');
	});

	it('revoking a guest ends their place, their seat and their sessions at once', async () => {
		const supervisor = newActor(['supervisor']);
		const colleague = newActor(['alumni'], [cohort]);
		await storeMembers([supervisor, colleague]);
		const w = (await Workshop.findById(workshopId).lean<WorkshopLean>())!;
		// The only seat goes to the supervisor: the next alumna waits.
		await WorkshopSeat.deleteMany({ workshopId });
		expect(await addTandemSupervisor(w, supervisor.id, alumna.id, alumna.id)).toBe('confirmed');
		// One supervisor per alumna: a second tandem invitation is refused.
		await WorkshopRegistration.create({
			workshopId,
			memberId: alumna.id,
			role: 'participant',
			answer: 'maybe'
		});
		const second = await inviteSupervisor(
			{ ...alumna, displayName: 'Alumna', municipalityId: null },
			{ workshopId, email: 'zweite@kommune.example', displayName: 'Zweite', origin }
		);
		expect(second.ok ? null : second.failure.message).toBe('workshops.errors.tandemExists');
		await WorkshopRegistration.create({
			workshopId,
			memberId: colleague.id,
			role: 'participant',
			answer: 'yes',
			status: 'waitlisted',
			waitlistedAt: new Date()
		});
		const { token } = await createSession(supervisor.id);

		expect((await revokeGuest(alumna, { workshopId, memberId: supervisor.id })).ok).toBe(false);
		expect(
			(await revokeGuest(organiser, { workshopId, memberId: colleague.id })).ok,
			'participants are not revoked as guests'
		).toBe(false);

		expect(await revokeGuest(organiser, { workshopId, memberId: supervisor.id })).toEqual({
			ok: true,
			value: null
		});
		expect(await WorkshopRegistration.exists({ workshopId, memberId: supervisor.id })).toBeNull();
		expect(await validateSessionToken(token)).toEqual({ session: null, member: null });
		const promoted = await WorkshopRegistration.findOne({
			workshopId,
			memberId: colleague.id
		}).lean();
		expect(promoted?.status).toBe('confirmed');
		const page = await getWorkshopPage(supervisor, workshopId);
		expect(page.ok ? 'visible' : page.failure.code).toBe('not_found');
	});
});
