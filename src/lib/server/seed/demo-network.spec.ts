import { expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { Channel, Member, Workshop, WorkshopMaterial, WorkshopRegistration } from '../db/models';
import { seedDemoNetwork } from './index';

useTestDatabase('demo_network');

it('the demo network has the two transfer workshops of the spec, with their guests', async () => {
	await seedDemoNetwork();
	const [second, third] = await Promise.all([
		Workshop.findOne({ number: 2 }).lean(),
		Workshop.findOne({ number: 3 }).lean()
	]);
	expect(second?.state).toBe('closed');
	expect(third?.state).toBe('published');
	for (const w of [second!, third!])
		expect(
			await Channel.exists({ _id: w.channelId, kind: 'workshop', workshopId: w._id })
		).not.toBeNull();
	expect(await WorkshopMaterial.countDocuments({ workshopId: second!._id })).toBe(3);

	const kts = await Member.findOne({ email: 'kts@netzwerk.example' }).lean();
	expect(kts?.roles).toEqual(['observer']);
	const rosterOf = async (workshopId: unknown) =>
		WorkshopRegistration.find({ workshopId }, { role: 1, status: 1, tandemOf: 1 }).lean();
	const upcoming = await rosterOf(third!._id);
	expect(upcoming.filter((r) => r.role === 'observer')).toHaveLength(1);
	expect(upcoming.filter((r) => r.role === 'supervisor' && r.tandemOf)).toHaveLength(1);
	expect(upcoming.filter((r) => r.status === 'waitlisted')).toHaveLength(2);
}, 120_000);
