import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { loggedLinks } from '../../../../tests/support/mail-log';
import type { Actor } from '../auth/permissions';
import { Cohort, Job, Member, Municipality, WorkshopRegistration } from '../db/models';
import * as invitations from '../invitations';
import { runDueJobs } from '../jobs';
import {
	answerRsvp,
	changeWorkshopState,
	createWorkshop,
	getWorkshopPage,
	inviteSupervisor,
	startWorkshops,
	type WorkshopInput
} from './index';

useTestDatabase('workshop_guests');
startWorkshops({ origin: 'http://netzwerk.test' });

let cohortId: string;
let townId: string;
const organiser: Actor = {
	id: new Types.ObjectId().toString(),
	roles: ['organiser'],
	cohortIds: []
};
let anna: Actor & { displayName: string; municipalityId: string | null };

async function store(actor: Actor, extra: Record<string, unknown> = {}) {
	await Member.create({
		_id: new Types.ObjectId(actor.id),
		email: `m${actor.id}@example.org`,
		displayName: `Mitglied ${actor.id.slice(-4)}`,
		handle: `m${actor.id}`,
		sortName: `mitglied ${actor.id}`,
		passwordHash: 'x',
		roles: actor.roles,
		cohortIds: actor.cohortIds.map((id) => new Types.ObjectId(id)),
		...extra
	});
}

const input = (): WorkshopInput => ({
	number: 3,
	title: 'Agiles Arbeiten',
	descriptionSource: '',
	startsAt: new Date('2030-10-08T08:00:00Z'),
	endsAt: new Date('2030-10-08T11:00:00Z'),
	format: 'online',
	onlineUrl: 'https://video.example.org/3',
	address: '',
	capacity: 10,
	supervisorSeats: 2,
	registrationDeadline: null,
	guestAccessDays: 30,
	audienceCohortIds: [cohortId]
});

async function publishedWorkshop(): Promise<string> {
	const created = await createWorkshop(organiser, input());
	const id = created.ok ? created.value.id : '';
	await changeWorkshopState(organiser, { id, to: 'published' });
	return id;
}

beforeAll(async () => {
	cohortId = (
		await Cohort.create({
			name: 'Durchgang 1',
			slug: 'd1',
			programme: 'brandenburg',
			startsOn: new Date('2021-12-01'),
			endsOn: new Date('2022-12-01')
		})
	)._id.toString();
	townId = (
		await Municipality.create({
			name: 'Bad Belzig',
			district: 'Potsdam-Mittelmark',
			state: 'Brandenburg'
		})
	)._id.toString();
	await store(organiser);
	const id = new Types.ObjectId().toString();
	anna = {
		id,
		roles: ['alumni'],
		cohortIds: [cohortId],
		displayName: 'Anna Schulze',
		municipalityId: townId
	};
	await store(anna, { displayName: 'Anna Schulze', municipalityId: new Types.ObjectId(townId) });
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
