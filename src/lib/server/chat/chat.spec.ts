import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUri } from '../../../../tests/support/db';
import { config } from '../config';
import { Channel, ChannelRead, Member, Message } from '../db/models';
import { pendingReadSeq } from './cache/write-behind';
import * as chat from './index';

// Not useTestDatabase(): it builds every model's indexes, and the Channel model's partial
// index is refused by the embedded database. The chat's own indexes are built here.
beforeAll(async () => {
	await mongoose.connect(databaseUri(`chat_service_${process.pid}_${Date.now().toString(36)}`));
	await Promise.all([Message.init(), ChannelRead.init()]);
});
afterAll(async () => {
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
});

const cohortId = new Types.ObjectId().toString();
const otherCohortId = new Types.ObjectId().toString();
const anna = {
	id: new Types.ObjectId().toString(),
	displayName: 'Anna',
	roles: ['alumni' as const],
	cohortIds: [cohortId]
};
const paul = {
	...anna,
	id: new Types.ObjectId().toString(),
	displayName: 'Paul',
	cohortIds: [otherCohortId]
};
const petra = {
	...anna,
	id: new Types.ObjectId().toString(),
	roles: ['supervisor' as const],
	cohortIds: []
};

async function cohortChannel(cohort: string, slug: string) {
	const doc = await Channel.create({ kind: 'cohort', name: slug, slug, cohortId: cohort });
	return doc._id.toString();
}

const send = (channelId: string, body: string, clientId = new Types.ObjectId().toString()) =>
	chat.sendMessage(anna, { channelId, clientId, body });

describe('chat service', () => {
	it('numbers concurrent sends 1..n without gaps and answers a repeated clientId with the stored message', async () => {
		const channelId = await cohortChannel(cohortId, 'c-seq');
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) => send(channelId, `m${i}`))
		);
		expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 30 }, (_, i) => i + 1)
		);
		const again = await send(channelId, 'anders', results[4]!.message.clientId);
		expect(again).toMatchObject({ created: false, message: { seq: results[4]!.message.seq } });
		expect(await Message.countDocuments({ channelId: new Types.ObjectId(channelId) })).toBe(30);
	});

	it('pages history back by seq and forward after a seq', async () => {
		const channelId = await cohortChannel(cohortId, 'c-history');
		for (let i = 1; i <= 7; i++) await send(channelId, `n${i}`);
		const latest = await chat.history(anna, { channelId, limit: 3 });
		expect(latest.messages.map((m) => m.seq)).toEqual([5, 6, 7]);
		const older = await chat.history(anna, { channelId, beforeSeq: 5, limit: 3 });
		expect(older.messages.map((m) => m.seq)).toEqual([2, 3, 4]);
		const after = await chat.history(anna, { channelId, afterSeq: 5, limit: 50 });
		expect(after.messages.map((m) => m.seq)).toEqual([6, 7]);
	});

	it('refuses another cohort and supervisors with not_found, like an unknown channel', async () => {
		const channelId = await cohortChannel(cohortId, 'c-access');
		for (const actor of [paul, petra])
			await expect(chat.history(actor, { channelId, limit: 5 })).rejects.toMatchObject({
				failure: { code: 'not_found' }
			});
		await expect(
			chat.history(anna, { channelId: new Types.ObjectId().toString(), limit: 5 })
		).rejects.toMatchObject({ failure: { code: 'not_found' } });
	});

	it('allows editing only within 15 minutes and deleting clears the text', async () => {
		const channelId = await cohortChannel(cohortId, 'c-edit');
		const { message } = await send(channelId, 'erst');
		const later = new Date(Date.now() + chat.editWindowMs + 1000);
		await expect(
			chat.editMessage(anna, { channelId, seq: message.seq, body: 'zu spät' }, later)
		).rejects.toMatchObject({
			failure: { code: 'forbidden', message: 'chat.errors.editWindow' }
		});
		const edited = await chat.editMessage(anna, { channelId, seq: message.seq, body: '*neu*' });
		expect(edited.html).toContain('<em>neu</em>');
		const deleted = await chat.deleteMessage(anna, { channelId, seq: message.seq });
		expect(deleted).toMatchObject({ body: '', html: '' });
		expect(deleted.deletedAt).not.toBeNull();
	});

	it('lists the general and own cohort channels with unread counts; read positions never go back', async () => {
		await chat.ensureGeneralChannel();
		const channelId = await cohortChannel(cohortId, 'c-unread');
		await Channel.updateOne({ _id: channelId }, { $set: { lastSeq: 5 } });
		await chat.markRead(anna, channelId, 3);
		await chat.markRead(anna, channelId, 2);
		expect(await chat.lastReadSeq(anna, channelId)).toBe(3);
		const list = await chat.listChannels(anna);
		expect(list[0]!.kind).toBe('general');
		expect(list.find((c) => c.id === channelId)?.unread).toBe(2);
		expect((await chat.listChannels(paul)).some((c) => c.id === channelId)).toBe(false);
		expect(await chat.listChannels(petra)).toEqual([]);
	});

	it('notifies mentioned members who can read the channel and want mention notifications', async () => {
		const channelId = await cohortChannel(cohortId, 'c-mentions');
		const member = (handle: string, cohort: string, mentions = true) => ({
			email: `${handle}@test.example`,
			displayName: handle,
			handle,
			sortName: handle,
			passwordHash: 'unused',
			roles: ['alumni'],
			cohortIds: [new Types.ObjectId(cohort)],
			notifications: { mentions }
		});
		const [inCohort, quiet, outsider] = await Member.create([
			member('eva.inside', cohortId),
			member('ole.quiet', cohortId, false),
			member('max.outside', otherCohortId)
		]);
		const result = await send(channelId, 'Hallo @eva.inside, @ole.quiet und @max.outside');
		expect(result.mentionedIds).toEqual([inCohort!._id.toString()]);
		expect(result.mentionedIds).not.toContain(quiet!._id.toString());
		expect(result.mentionedIds).not.toContain(outsider!._id.toString());
	});

	it('writes the buffered channel position and the sender’s read position when flushed', async () => {
		const channelId = await cohortChannel(cohortId, 'c-flush');
		await send(channelId, 'eins');
		const { message } = await send(channelId, 'zwei');
		// Flushed at once, as on shutdown, not after the coalescing delay.
		await chat.flushPendingWrites();
		const channel = await Channel.findById(channelId).lean();
		expect([channel?.lastSeq, channel?.lastMessageAt?.toISOString()]).toEqual([
			2,
			message.createdAt
		]);
		expect(await chat.lastReadSeq(anna, channelId)).toBe(2);
		// Nothing is left to write: a second flush changes nothing.
		await chat.flushPendingWrites();
		expect((await Channel.findById(channelId).lean())?.lastSeq).toBe(2);
	});

	it('numbers on without a gap when another instance took the next number meanwhile', async () => {
		const channelId = await cohortChannel(cohortId, 'c-other-instance');
		const { message: first } = await send(channelId, 'hier');
		// As another instance stores the channel's next message, unknown to this one.
		await Message.create({
			channelId,
			seq: first.seq + 1,
			authorId: paul.id,
			authorName: 'Paul',
			clientId: new Types.ObjectId().toString()
		});
		const { message: third } = await send(channelId, 'wieder hier');
		expect(third.seq).toBe(3);
		const page = await chat.history(anna, { channelId, limit: 10 });
		expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
	});

	it('numbers sends to many channels written together per channel, also around a conflict in one', async () => {
		const channels = await Promise.all(
			Array.from({ length: 8 }, (_, i) => cohortChannel(cohortId, `c-group-${i}`))
		);
		for (const channelId of channels) await send(channelId, 'erste');
		// Another instance takes the next number in one channel in the middle of the next write.
		const contested = channels[3]!;
		await Message.create({
			channelId: contested,
			seq: 2,
			authorId: paul.id,
			authorName: 'Paul',
			clientId: new Types.ObjectId().toString()
		});
		const results = await Promise.all(
			channels.flatMap((channelId) =>
				Array.from({ length: 4 }, (_, i) => send(channelId, `${channelId} ${i}`))
			)
		);
		expect(results.every((r) => r.created)).toBe(true);
		for (const channelId of channels) {
			const stored = await Message.find({ channelId }).lean();
			const expected = channelId === contested ? 6 : 5;
			expect(stored.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
				Array.from({ length: expected }, (_, i) => i + 1)
			);
		}
	});

	it('counts others’ messages as unread and the sender’s own as read before they are written', async () => {
		const channelId = await cohortChannel(cohortId, 'c-own-unread');
		const reader = { ...anna, id: new Types.ObjectId().toString() };
		await send(channelId, 'eins');
		await send(channelId, 'zwei');
		const unread = async (who: typeof anna) =>
			(await chat.listChannels(who)).find((c) => c.id === channelId)?.unread;
		expect([await unread(anna), await unread(reader)]).toEqual([0, 2]);
		// Also while they are being written (the noted position stays until the write is done).
		const writing = chat.flushPendingWrites();
		await new Promise((resolve) => setImmediate(resolve));
		expect(pendingReadSeq(anna.id, channelId)).toBe(2);
		await writing;
		expect(pendingReadSeq(anna.id, channelId)).toBe(0);
		expect([await unread(anna), await unread(reader)]).toEqual([0, 2]);
	});

	it('lists channels without a database query once warm, and still counts a new message', async () => {
		const channelId = await cohortChannel(cohortId, 'c-warm-list');
		const reader = { ...anna, id: new Types.ObjectId().toString() };
		await send(channelId, 'eins');
		const unread = async () =>
			(await chat.listChannels(reader)).find((c) => c.id === channelId)?.unread;
		expect(await unread()).toBe(1);
		const queried: string[] = [];
		mongoose.set('debug', (collection: string) => void queried.push(collection));
		try {
			expect(await unread()).toBe(1);
		} finally {
			mongoose.set('debug', false);
		}
		expect(queried).toEqual(config().CACHE === 'on' ? [] : expect.arrayContaining(['channels']));
		await send(channelId, 'zwei');
		expect(await unread()).toBe(2);
		await chat.markRead(reader, channelId, 2);
		expect(await unread()).toBe(0);
	});

	it('keeps read positions stored under generated ids when rekeying them by member and channel', async () => {
		const channelId = await cohortChannel(cohortId, 'c-rekey');
		const member = new Types.ObjectId();
		// As positions were stored before they were keyed by member and channel.
		await ChannelRead.collection.insertOne({
			_id: new Types.ObjectId(),
			channelId: new Types.ObjectId(channelId),
			memberId: member,
			lastReadSeq: 4,
			updatedAt: new Date()
		});
		expect(await chat.rekeyReadPositions()).toBe(1);
		expect(await chat.rekeyReadPositions()).toBe(0);
		const stored = await ChannelRead.find({ memberId: member }).lean();
		expect(stored.map((r) => [r._id, r.lastReadSeq])).toEqual([
			[`${member.toString()}:${channelId}`, 4]
		]);
		expect(await chat.lastReadSeq({ ...anna, id: member.toString() }, channelId)).toBe(4);
	});

	it('reads reactions stored under the former "thumbsup" key as "like" and removes them there', async () => {
		const channelId = await cohortChannel(cohortId, 'c-reactions');
		const { message } = await send(channelId, 'Gute Nachrichten');
		// As the chat stored a thumbs-up before chat and forum shared one set of keys.
		await Message.updateOne({ _id: message.id }, { $set: { 'reactions.thumbsup': [paul.id] } });
		const react = (on: boolean) =>
			chat.reactToMessage(anna, { channelId, seq: message.seq, reaction: 'like', on });
		expect((await react(true)).reactions).toEqual({ like: [paul.id, anna.id] });
		await Message.updateOne({ _id: message.id }, { $set: { 'reactions.thumbsup': [anna.id] } });
		expect((await react(false)).reactions).toEqual({});
	});
});
