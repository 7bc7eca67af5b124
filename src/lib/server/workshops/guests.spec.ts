import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { loggedLinks } from '../../../../tests/support/mail-log';
import {
	createCohort,
	createMunicipality,
	newActor,
	storeMembers
} from '../../../../tests/support/records';
import { publishWorkshop, upcomingWorkshopInput } from '../../../../tests/support/workshops';
import type { Actor } from '../auth/permissions';
import { Job, Member, WorkshopRegistration } from '../db/models';
import * as invitations from '../invitations';
import { runDueJobs } from '../jobs';
import {
	answerRsvp,
	changeWorkshopState,
	createWorkshop,
	getWorkshopPage,
	inviteSupervisor,
	startWorkshops
} from './index';

useTestDatabase('workshop_guests');
startWorkshops({ origin: 'http://netzwerk.test' });

let cohortId: string;
let townId: string;
const organiser = newActor(['organiser']);
let anna: Actor & { displayName: string; municipalityId: string | null };

const input = () =>
	upcomingWorkshopInput(cohortId, {
		number: 3,
		title: 'Agiles Arbeiten',
		format: 'online',
		onlineUrl: 'https://video.example.org/3',
		address: '',
		capacity: 10,
		supervisorSeats: 2
	});
const publishedWorkshop = () => publishWorkshop(organiser, input());

beforeAll(async () => {
	cohortId = await createCohort('Durchgang 1', 'd1');
	townId = await createMunicipality('Bad Belzig', 'Potsdam-Mittelmark');
	anna = {
		...newActor(['alumni'], [cohortId]),
		displayName: 'Anna Schulze',
		municipalityId: townId
	};
	await storeMembers([organiser, anna]);
});

describe('supervisor tandem', () => {
	it('invites the supervisor by a single-use link scoped to this one workshop', async () => {
		const id = await publishedWorkshop();
		const other = await publishedWorkshop();
		// Only someone on the roster brings a supervisor.
		expect(
			await inviteSupervisor(anna, {
				workshopId: id,
				email: 'petra@example.org',
				displayName: 'Petra Lange',
				origin: 'http://netzwerk.test'
			})
		).toMatchObject({ ok: false, failure: { code: 'forbidden' } });
		await answerRsvp(anna, { workshopId: id, answer: 'yes' });

		const links = await loggedLinks(async () => {
			const invited = await inviteSupervisor(anna, {
				workshopId: id,
				email: 'Petra@Example.org',
				displayName: 'Petra Lange',
				origin: 'http://netzwerk.test'
			});
			expect(invited).toEqual({ ok: true, value: { status: 'invited' } });
		});
		const token = links[0]!.split('/invite/')[1]!;
		// One open invitation at a time; a network member's address is refused.
		expect(
			await inviteSupervisor(anna, {
				workshopId: id,
				email: 'x@example.org',
				displayName: 'X Y',
				origin: ''
			})
		).toMatchObject({ ok: false, failure: { code: 'conflict', field: 'email' } });

		const accepted = await invitations.acceptInvitation(token, {
			displayName: 'Dr. Petra Lange',
			password: 'Sehr-geheim-2030',
			locale: 'de'
		});
		expect(accepted.ok).toBe(true);
		const petraId = accepted.ok ? accepted.value.memberId : '';
		const petra = await Member.findById(petraId).lean();
		expect(petra).toMatchObject({ email: 'petra@example.org', roles: ['supervisor'] });
		expect(petra!.municipalityId?.toString()).toBe(townId);
		const entry = await WorkshopRegistration.findOne({ memberId: petra!._id }).lean();
		expect(entry).toMatchObject({ role: 'supervisor', status: 'confirmed' });
		expect(entry!.tandemOf?.toString()).toBe(anna.id);
		// The link is single-use.
		expect(
			(
				await invitations.acceptInvitation(token, {
					displayName: 'Z',
					password: 'Sehr-geheim-2030',
					locale: 'de'
				})
			).ok
		).toBe(false);

		const petraActor: Actor = { id: petraId, roles: ['supervisor'], cohortIds: [] };
		const page = await getWorkshopPage(petraActor, id);
		expect(page.ok && page.value.participants?.map((p) => [p.displayName, p.role])).toContainEqual([
			'Dr. Petra Lange',
			'supervisor'
		]);
		expect(page.ok && page.value.onlineUrl).toBe('https://video.example.org/3');
		// Scoped: another workshop of the same cohorts stays invisible, and access ends 30 days after closing.
		expect(await getWorkshopPage(petraActor, other)).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
		await changeWorkshopState(organiser, { id, to: 'live' });
		await changeWorkshopState(organiser, { id, to: 'closed' });
		expect((await getWorkshopPage(petraActor, id, new Date(Date.now() + 29 * 864e5))).ok).toBe(
			true
		);
		expect(await getWorkshopPage(petraActor, id, new Date(Date.now() + 31 * 864e5))).toMatchObject({
			ok: false,
			failure: { code: 'not_found' }
		});
	});
});

describe('workshop mails as jobs', () => {
	it('queues one invitation per audience member on publishing and sends each once', async () => {
		const created = await createWorkshop(organiser, input());
		const id = created.ok ? created.value.id : '';
		expect(await Job.countDocuments({ key: new RegExp(`^workshop:${id}:invitation`) })).toBe(0); // a draft sends nothing
		await changeWorkshopState(organiser, { id, to: 'published' });
		const jobs = await Job.find(
			{ key: new RegExp(`^workshop:${id}:`) },
			{ key: 1, kind: 1 }
		).lean();
		expect(jobs.map((j) => j.key).sort()).toEqual(
			[
				`workshop:${id}:invitation:${anna.id}`,
				`workshop:${id}:reminder-1d`,
				`workshop:${id}:reminder-7d`,
				`workshop:${id}:reminder-unanswered`
			].sort()
		);
		const links = await loggedLinks(() => runDueJobs('test'));
		expect(links).toContain(`http://netzwerk.test/workshops/${id}`);
		expect(await loggedLinks(() => runDueJobs('test'))).toEqual([]);
	});
});
