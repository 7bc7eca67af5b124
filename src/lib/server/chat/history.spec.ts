import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageDto } from '$lib/realtime/events';
import type { HistoryRequest } from '$lib/schemas/chat';
import { databaseUri } from '../../../../tests/support/db';
import { config } from '../config';
import { Channel, ChannelRead, Message } from '../db/models';
import { tails } from './cache/tail';
import * as chat from './index';
import { toMessageDto, type MessageLean } from './message-dto';

// The chat's own indexes only, as in chat.spec.ts (the Channel model's partial index is refused).
beforeAll(async () => {
	await mongoose.connect(databaseUri(`chat_history_${process.pid}_${Date.now().toString(36)}`));
	await Promise.all([Message.init(), ChannelRead.init()]);
});
afterAll(async () => {
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
});

const cohortId = new Types.ObjectId().toString();
const anna = {
	id: new Types.ObjectId().toString(),
	displayName: 'Anna',
	roles: ['alumni' as const],
	cohortIds: [cohortId]
};
const paul = { ...anna, id: new Types.ObjectId().toString(), displayName: 'Paul' };

const send = async (channelId: string, body: string) =>
	(await chat.sendMessage(anna, { channelId, clientId: new Types.ObjectId().toString(), body }))
		.message;

async function channelWith(slug: string, count: number) {
	const channel = await Channel.create({ kind: 'cohort', name: slug, slug, cohortId });
	const channelId = channel._id.toString();
	for (let i = 0; i < count; i += 100)
		await Promise.all(
			Array.from({ length: Math.min(100, count - i) }, (_, k) =>
				send(channelId, `Nachricht ${i + k}`)
			)
		);
	return channelId;
}

/** Every stored message of the channel, in seq order. */
const storedMessages = async (channelId: string) =>
	(await Message.find({ channelId: new Types.ObjectId(channelId) }).lean<MessageLean[]>())
		.map(toMessageDto)
		.sort((a, b) => a.seq - b.seq);

/** The page as the database holds it. */
async function pageFromDatabase(req: HistoryRequest, stored?: ChatMessageDto[]) {
	const all = stored ?? (await storedMessages(req.channelId));
	if (req.afterSeq !== undefined)
		return all.filter((m) => m.seq > req.afterSeq!).slice(0, req.limit);
	const before = req.beforeSeq === undefined ? all : all.filter((m) => m.seq < req.beforeSeq!);
	return before.slice(-req.limit);
}

const history = async (req: HistoryRequest) => (await chat.history(anna, req)).messages;

describe('chat history from the channel tail', () => {
	it('answers every page as the database does, across the tail’s lower end', async () => {
		const channelId = await channelWith('h-pages', 420);
		const requests: HistoryRequest[] = [
			{ channelId, limit: 50 },
			{ channelId, limit: 200 }
		];
		for (let seq = 1; seq <= 422; seq += 7) {
			requests.push({ channelId, beforeSeq: seq, limit: 50 });
			requests.push({ channelId, afterSeq: seq - 1, limit: 50 });
		}
		// Right at the tail's floor (the newest 300 of 420: seq 121 on).
		for (const seq of [118, 119, 120, 121, 122, 170, 171, 172])
			requests.push(
				{ channelId, beforeSeq: seq, limit: 50 },
				{ channelId, afterSeq: seq, limit: 3 }
			);
		const stored = await storedMessages(channelId);
		expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 420 }, (_, i) => i + 1));
		const hitsBefore = tails.stats().hits;
		for (const req of requests)
			expect(await history(req)).toEqual(await pageFromDatabase(req, stored));
		if (config().CACHE === 'on') expect(tails.stats().hits - hitsBefore).toBeGreaterThan(60);
	});

	it('reads an empty channel and then its first message', async () => {
		const channelId = await channelWith('h-empty', 0);
		expect(await history({ channelId, limit: 50 })).toEqual([]);
		await send(channelId, 'die erste');
		expect((await history({ channelId, afterSeq: 0, limit: 50 })).map((m) => m.seq)).toEqual([1]);
	});

	it('shows sends, edits, deletions and reactions made after the tail was read', async () => {
		const channelId = await channelWith('h-changes', 5);
		const bodies = (await history({ channelId, limit: 50 })).map((m) => m.body);
		const sixth = await send(channelId, 'sechs');
		await chat.editMessage(anna, { channelId, seq: 2, body: 'zwei, geändert' });
		await chat.deleteMessage(anna, { channelId, seq: 3 });
		await chat.reactToMessage(paul, { channelId, seq: 6, reaction: 'like', on: true });
		const page = await history({ channelId, limit: 50 });
		expect(page.map((m) => [m.seq, m.body, m.reactions])).toEqual([
			[1, bodies[0], {}],
			[2, 'zwei, geändert', {}],
			[3, '', {}],
			[4, bodies[3], {}],
			[5, bodies[4], {}],
			[6, 'sechs', { like: [paul.id] }]
		]);
		expect(page).toEqual(await pageFromDatabase({ channelId, limit: 50 }));
		expect(sixth.seq).toBe(6);
		// A deleted message takes no reaction.
		await expect(
			chat.reactToMessage(paul, { channelId, seq: 3, reaction: 'like', on: true })
		).rejects.toThrow('not_found');
	});

	it('fills in messages another instance stored, also when their announcement was lost', async () => {
		const channelId = await channelWith('h-elsewhere', 3);
		expect((await history({ channelId, limit: 50 })).map((m) => m.seq)).toEqual([1, 2, 3]);
		// As another instance stores seq 4 and 5; only the announcement of 5 arrives here.
		const stored = [];
		for (const seq of [4, 5])
			stored.push(
				await Message.create({
					channelId,
					seq,
					authorId: paul.id,
					authorName: 'Paul',
					body: `von drüben ${seq}`,
					clientId: new Types.ObjectId().toString()
				})
			);
		tails.extend(channelId, [toMessageDto(stored[1]!.toObject())]);
		const hitsBefore = tails.stats().hits;
		expect((await history({ channelId, afterSeq: 3, limit: 50 })).map((m) => m.body)).toEqual([
			'von drüben 4',
			'von drüben 5'
		]);
		// Answered by the tail, filled up to the announced seq.
		if (config().CACHE === 'on') expect(tails.stats().hits).toBe(hitsBefore + 1);
		expect((await chat.listChannels(anna)).find((c) => c.id === channelId)?.lastSeq).toBe(5);
		// Another instance's edit retires the tail here: the next read is the stored state.
		await Message.updateOne({ channelId, seq: 4 }, { $set: { body: 'drüben geändert' } });
		tails.delete([channelId]);
		expect((await history({ channelId, limit: 2 })).map((m) => m.body)).toEqual([
			'drüben geändert',
			'von drüben 5'
		]);
	});
});
