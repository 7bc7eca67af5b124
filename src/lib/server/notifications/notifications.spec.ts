import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { countUnread, listNotifications, markRead, notify, openNotification } from './index';

useTestDatabase('notifications');

const alice = new Types.ObjectId().toString();
const bob = new Types.ObjectId().toString();

describe('notifications', () => {
	it('notifies every recipient once, never the actor', async () => {
		await notify([alice, bob, bob], {
			kind: 'mention',
			actorId: bob,
			actorName: 'Bob',
			title: 'Bob hat Sie erwähnt',
			link: '/forum/t/1'
		});
		expect(await countUnread(alice)).toBe(1);
		expect(await countUnread(bob)).toBe(0);
	});

	it('pages newest first by cursor', async () => {
		for (let i = 0; i < 5; i++)
			await notify([bob], {
				kind: 'reply',
				actorId: alice,
				title: `Antwort ${i}`,
				link: `/x/${i}`
			});
		const first = await listNotifications(bob, null, 3);
		expect(first.items.map((n) => n.title)).toEqual(['Antwort 4', 'Antwort 3', 'Antwort 2']);
		const second = await listNotifications(bob, first.nextCursor, 3);
		expect(second.items.map((n) => n.title)).toEqual(['Antwort 1', 'Antwort 0']);
		expect(second.nextCursor).toBeNull();
	});

	it('opens only one’s own notification and marks it read', async () => {
		const [mine] = (await listNotifications(bob, null, 1)).items;
		expect(await openNotification(alice, mine!.id)).toBeNull();
		expect(await openNotification(bob, 'not-an-id')).toBeNull();
		expect(await openNotification(bob, mine!.id)).toBe('/x/4');
		expect(await countUnread(bob)).toBe(4);
		await markRead(bob);
		expect(await countUnread(bob)).toBe(0);
		expect(await countUnread(alice)).toBe(1);
	});
});
