import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChatMessageDto, ChatPresence } from '../../src/lib/realtime/events';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, type RunningApp } from '../support/app';
import { startRedis, startTwoInstances } from '../support/redis';
import { databaseUri } from '../support/db';
import { connected, openSocket } from '../support/socket';
import {
	channelCohortId,
	cohortChannel,
	newClientId,
	request,
	storedMessages
} from '../support/chat';
import { memberIdOf, setCohorts } from '../support/members';
import { limitRules } from '../../src/lib/server/limits';

describe('two app instances joined by the Redis adapter', () => {
	let redis: ChildProcess;
	let first: RunningApp;
	let second: RunningApp;
	let uri: string;
	let channelId: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		const started = await startRedis();
		redis = started.process;
		uri = databaseUri(`chatredis_${Date.now()}`);
		[first, second] = await startTwoInstances(
			{ MONGODB_URI: uri, REDIS_URL: started.url },
			'Redis adapter connected'
		);
		channelId = await cohortChannel(uri, 'durchgang-1-');
	});
	afterAll(async () => {
		for (const s of sockets) s.close();
		await first?.stop();
		await second?.stop();
		redis?.kill('SIGTERM');
	});

	async function member(app: RunningApp, name: string) {
		const cookie = await login(app, `${name}@netzwerk.example`, demoPassword);
		const socket = await connected(openSocket(app.url, { cookie }));
		sockets.push(socket);
		expect((await request(socket, 'channel:join', { channelId })).ok).toBe(true);
		return socket;
	}

	it('delivers a message sent through one instance to a client on the other, with presence across both', async () => {
		const anna = await member(first, 'anna.schulze');
		const jonas = await member(second, 'jonas.becker');
		const received: ChatMessageDto[] = [];
		jonas.on('message:new', (m: ChatMessageDto) => received.push(m));
		const ack = await request<ChatMessageDto>(anna, 'message:send', {
			channelId,
			clientId: newClientId(),
			body: 'Grüße über Redis'
		});
		expect(ack.ok).toBe(true);
		await expect
			.poll(() => received.map((m) => m.body), { timeout: 20_000 })
			.toEqual(['Grüße über Redis']);

		// Presence asks every instance: both members appear.
		const presence = await request<{ presence: ChatPresence }>(anna, 'channel:join', {
			channelId
		});
		expect(presence.ok && presence.data.presence.members.map((m) => m.name).sort()).toEqual([
			'Anna Schulze',
			'Jonas Becker'
		]);
	});

	it('keeps sequence numbers gap-free and unique with senders on both instances at once', async () => {
		const mona = await member(first, 'moderation');
		const daniel = await member(second, 'daniel.fuchs');
		const before = (await storedMessages(uri, channelId)).length;
		const answers = await Promise.all(
			[mona, daniel].flatMap((s, i) =>
				Array.from({ length: 8 }, (_, k) =>
					request<ChatMessageDto>(s, 'message:send', {
						channelId,
						clientId: newClientId(`both-${i}-${k}`),
						body: `Instanz ${i + 1}, Nachricht ${k}`
					})
				)
			)
		);
		expect(answers.every((a) => a.ok)).toBe(true);
		const stored = (await storedMessages(uri, channelId)).map((m) => m.seq as number);
		expect(stored).toEqual(Array.from({ length: before + 16 }, (_, i) => i + 1));
	});

	const historyOf = async (socket: Socket, extra: Record<string, unknown> = {}) => {
		const answer = await request<{ messages: ChatMessageDto[] }>(socket, 'message:history', {
			channelId,
			...extra
		});
		if (!answer.ok) throw new Error(`history refused: ${answer.code}`);
		return answer.data.messages;
	};
	const withinOneSecond = { timeout: 1000, interval: 50 };

	it('answers history and resync on one instance with a message the other stored, within a second', async () => {
		const onFirst = await member(first, 'anna.schulze');
		const onSecond = await member(second, 'jonas.becker');
		// The first instance has read the channel (its tail is warm) before the second stores.
		const seen = await historyOf(onFirst);
		const lastSeq = seen.at(-1)?.seq ?? 0;
		const sent = await request<ChatMessageDto>(onSecond, 'message:send', {
			channelId,
			clientId: newClientId('other'),
			body: 'Von der zweiten Instanz'
		});
		if (!sent.ok) throw new Error(sent.code);
		await expect
			.poll(async () => (await historyOf(onFirst)).at(-1)?.body, withinOneSecond)
			.toBe('Von der zweiten Instanz');
		expect((await historyOf(onFirst, { afterSeq: lastSeq })).map((m) => m.seq)).toEqual([
			sent.data.seq
		]);
		// Scrolling back from the new message pages through the same messages as before it.
		expect(await historyOf(onFirst, { beforeSeq: sent.data.seq })).toEqual(
			await historyOf(onSecond, { beforeSeq: sent.data.seq })
		);
	});

	it('shows an edit and a deletion made on one instance in the history of the other', async () => {
		const author = await member(first, 'anna.schulze');
		const reader = await member(second, 'jonas.becker');
		const sent = await request<ChatMessageDto>(author, 'message:send', {
			channelId,
			clientId: newClientId('edit'),
			body: 'Erste Fassung'
		});
		if (!sent.ok) throw new Error(sent.code);
		const { seq } = sent.data;
		const bodyOnSecond = async () =>
			(await historyOf(reader, { afterSeq: seq - 1, limit: 1 }))[0]?.body;
		await expect.poll(bodyOnSecond, withinOneSecond).toBe('Erste Fassung');
		expect(
			(await request(author, 'message:edit', { channelId, seq, body: 'Zweite Fassung' })).ok
		).toBe(true);
		await expect.poll(bodyOnSecond, withinOneSecond).toBe('Zweite Fassung');
		expect((await request(author, 'message:delete', { channelId, seq })).ok).toBe(true);
		await expect
			.poll(
				async () => (await historyOf(reader, { limit: 5 })).find((m) => m.seq === seq)?.deletedAt,
				withinOneSecond
			)
			.toBeTruthy();
		expect((await historyOf(reader, { limit: 5 })).find((m) => m.seq === seq)?.body).toBe('');
	});

	it('counts a message stored on one instance as unread on the start page of the other within a second', async () => {
		const reader = await login(first, 'nadine.zimmermann@netzwerk.example', demoPassword);
		const unreadOnStartPage = async () => {
			const html = await (await fetch(`${first.url}/`, { headers: { cookie: reader } })).text();
			const listed = new RegExp(`id:"${channelId}",name:"[^"]*",slug:"[^"]*",unread:(\\d+)`);
			return Number(listed.exec(html)?.[1] ?? NaN);
		};
		await unreadOnStartPage(); // the channel list is cached on the first instance now
		const before = await unreadOnStartPage();
		expect(before).toBeGreaterThanOrEqual(0);
		const sender = await member(second, 'jonas.becker');
		const sent = await request<ChatMessageDto>(sender, 'message:send', {
			channelId,
			clientId: newClientId('unread'),
			body: 'Ungelesen auf der anderen Instanz'
		});
		expect(sent.ok).toBe(true);
		await expect.poll(unreadOnStartPage, withinOneSecond).toBe(before + 1);
	});

	it("counts a member's rate limit across both instances (Redis store)", async () => {
		const onFirst = await member(first, 'katrin.hoffmann');
		const onSecond = await member(second, 'katrin.hoffmann');
		const send = (socket: Socket, i: number) =>
			request<ChatMessageDto>(socket, 'message:send', {
				channelId,
				clientId: newClientId(`limit-${i}`),
				body: `Nachricht ${i}`
			});
		const { points } = limitRules.chatSend;
		const answers = [];
		// Alternating instances: each sees only half of the messages, the shared count sees all.
		for (let i = 0; i < points; i++) answers.push(await send(i % 2 ? onSecond : onFirst, i));
		expect(answers.every((a) => a.ok)).toBe(true);
		const overFirst = await send(onFirst, points);
		const overSecond = await send(onSecond, points + 1);
		expect(overFirst).toMatchObject({ ok: false, code: 'rate_limited' });
		expect(overSecond).toMatchObject({ ok: false, code: 'rate_limited' });
	});

	it('moves a live socket on the other instance out of a cohort an admin removed, and into the new one', async () => {
		const onSecond = await member(second, 'stefan.braun');
		const witness = await member(first, 'nadine.zimmermann');
		const admin = await login(first, 'admin@netzwerk.example', demoPassword);
		const cohort2 = await cohortChannel(uri, 'durchgang-2-');
		const id = await memberIdOf(uri, 'stefan.braun@netzwerk.example');
		await setCohorts(first, admin, id, [await channelCohortId(uri, cohort2)]);

		const received: ChatMessageDto[] = [];
		onSecond.on('message:new', (m: ChatMessageDto) => received.push(m));
		const seenByWitness: ChatMessageDto[] = [];
		witness.on('message:new', (m: ChatMessageDto) => seenByWitness.push(m));
		const sent = await request<ChatMessageDto>(witness, 'message:send', {
			channelId,
			clientId: newClientId(),
			body: 'Nur noch für Durchgang 1'
		});
		expect(sent.ok).toBe(true);
		await expect.poll(() => seenByWitness.length, { timeout: 10_000 }).toBeGreaterThan(0);
		await new Promise((r) => setTimeout(r, 300));
		expect(received).toEqual([]);
		expect(onSecond.connected).toBe(true);
		expect(await request(onSecond, 'message:history', { channelId })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect((await request(onSecond, 'channel:join', { channelId: cohort2 })).ok).toBe(true);
	});
});
