import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChatMessageDto, ChatPresence } from '../../src/lib/realtime/events';
import { freePort } from '../../src/lib/server/db/embedded';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, openSocket } from '../support/socket';
import { cohortChannel, newClientId, request, storedMessages } from '../support/chat';

describe('two app instances joined by the Redis adapter', () => {
	let redis: ChildProcess;
	let first: RunningApp;
	let second: RunningApp;
	let uri: string;
	let channelId: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		const port = await freePort();
		redis = spawn(
			'redis-server',
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: 'ignore' }
		);
		uri = databaseUri(`chatredis_${Date.now()}`);
		const env = { MONGODB_URI: uri, REDIS_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: 'info' };
		first = await startApp({ ...env, SEED_DEMO: 'always' });
		second = await startApp({ ...env, SEED_DEMO: 'never' });
		// Outside a test expect.poll is not available; vi.waitFor retries the same way.
		for (const app of [first, second])
			await vi.waitFor(() => expect(app.output()).toContain('Redis adapter connected'), {
				timeout: 20_000
			});
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
});
