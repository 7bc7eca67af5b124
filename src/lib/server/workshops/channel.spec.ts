import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { createCohort, newActor, storeMembers } from '../../../../tests/support/records';
import { publishWorkshop, workshopInput } from '../../../../tests/support/workshops';
import type { Actor } from '../auth/permissions';
import * as chat from '../chat';
import { Channel, Workshop } from '../db/models';
import { addTandemSupervisor } from './guests';
import {
	answerRsvp,
	changeWorkshopState,
	createWorkshop,
	getWorkshopPage,
	startWorkshops
} from './index';
import { zonedToInstant } from '$lib/time-zone';
import type { WorkshopLean } from './access';

useTestDatabase('workshop_channel');
startWorkshops({ origin: 'http://netzwerk.test' });

let cohort: string;
let organiser: Actor;
let alumna: Actor;
let colleague: Actor;
let moderator: Actor;
let supervisor: Actor;
let outsider: Actor;

const channelOf = async (workshopId: string) =>
	(await Channel.findOne({ workshopId }).lean())?._id.toString() ?? null;
const listed = async (who: Actor) => (await chat.listChannels(who)).map((c) => c.kind);
const reads = (who: Actor, channelId: string) =>
	chat.requireChannel(who, channelId).then(
		() => true,
		() => false
	);
const send = (who: Actor, channelId: string, body: string) =>
	chat.sendMessage(
		{ ...who, displayName: 'X' },
		{ channelId, clientId: crypto.randomUUID(), body }
	);

beforeAll(async () => {
	cohort = await createCohort('Durchgang 1', 'd1');
	const otherCohort = await createCohort('Durchgang 9', 'd9');
	organiser = newActor(['organiser']);
	alumna = newActor(['alumni'], [cohort]);
	colleague = newActor(['alumni'], [cohort]);
	moderator = newActor(['moderator']);
	supervisor = newActor(['supervisor']);
	outsider = newActor(['alumni'], [otherCohort]);
	await storeMembers([organiser, alumna, colleague, moderator, supervisor, outsider]);
});

describe('the channel of a workshop', () => {
	it('is created on publishing, not for a draft, and only once', async () => {
		const created = await createWorkshop(organiser, workshopInput(cohort, { capacity: 10 }));
		if (!created.ok) throw new Error(created.failure.code);
		const id = created.value.id;
		expect(await channelOf(id)).toBeNull();
		await changeWorkshopState(organiser, { id, to: 'published' });
		const channelId = await channelOf(id);
		expect(channelId).not.toBeNull();
		expect(await Channel.countDocuments({ workshopId: id })).toBe(1);
		const stored = await Workshop.findById(id).lean<WorkshopLean>();
		expect(stored?.channelId?.toString()).toBe(channelId);
	});

	it('is read by the roster who did not decline, staff and moderators; written while open', async () => {
		// Next year: a guest's access to a workshop ends some weeks after it.
		const year = new Date().getFullYear() + 1;
		const id = await publishWorkshop(
			organiser,
			workshopInput(cohort, {
				capacity: 10,
				startsAt: zonedToInstant(`${year}-09-29`, '10:00', 'Europe/Berlin'),
				endsAt: zonedToInstant(`${year}-09-29`, '15:30', 'Europe/Berlin')
			})
		);
		const channelId = (await channelOf(id))!;

		// In the audience but not registered: the workshop page, not its channel.
		expect(await reads(colleague, channelId)).toBe(false);
		expect(await listed(colleague)).not.toContain('workshop');
		const page = await getWorkshopPage(colleague, id);
		expect(page.ok && page.value.chatHref).toBe(null);

		await answerRsvp(alumna, { workshopId: id, answer: 'yes' });
		expect(await reads(alumna, channelId)).toBe(true);
		expect(await listed(alumna)).toContain('workshop');
		const own = await getWorkshopPage(alumna, id);
		expect(own.ok && own.value.chatHref).toBe(`/chat/workshop-${id}`);
		expect((await send(alumna, channelId, 'Hallo zusammen')).message.seq).toBe(1);

		const w = (await Workshop.findById(id).lean<WorkshopLean>())!;
		await addTandemSupervisor(w, supervisor.id, alumna.id, alumna.id);
		expect(await reads(supervisor, channelId)).toBe(true);
		expect(await listed(supervisor)).toEqual(['workshop']);
		expect(await chat.hasChannels(supervisor)).toBe(true);
		expect((await send(supervisor, channelId, 'Guten Tag')).message.seq).toBe(2);
		const members = (await chat.listChannelMembers((await chat.requireChannel(alumna, channelId))!))
			.map((m) => m.id)
			.sort();
		expect(members).toEqual([organiser.id, alumna.id, supervisor.id].sort());

		for (const staffOrModerator of [organiser, moderator])
			expect(await reads(staffOrModerator, channelId)).toBe(true);
		expect(await reads(outsider, channelId)).toBe(false);

		// A "no" leaves the channel; a new "yes" comes back.
		await answerRsvp(alumna, { workshopId: id, answer: 'no' });
		expect(await reads(alumna, channelId)).toBe(false);
		await expect(send(alumna, channelId, 'Noch da?')).rejects.toThrow();
		await answerRsvp(alumna, { workshopId: id, answer: 'maybe' });
		expect(await reads(alumna, channelId)).toBe(true);

		// Archived: the history stays readable, nothing new is written.
		for (const to of ['closed', 'archived'] as const)
			await changeWorkshopState(organiser, { id, to });
		expect(await reads(alumna, channelId)).toBe(true);
		await expect(send(alumna, channelId, 'Nachtrag')).rejects.toThrow();
	});

	it('a guest without a workshop has no chat at all', async () => {
		const lonely = newActor(['supervisor']);
		await storeMembers([lonely]);
		expect(await chat.listChannels(lonely)).toEqual([]);
		expect(await chat.hasChannels(lonely)).toBe(false);
	});
});
