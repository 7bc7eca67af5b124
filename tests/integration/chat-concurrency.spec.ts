import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChatMessageDto } from '../../src/lib/realtime/events';
import { startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, openSocket } from '../support/socket';
import {
	channelCohortId,
	cohortChannel,
	createMembers,
	request,
	storedMessages
} from '../support/chat';

describe('many senders at once on one channel', () => {
	let app: RunningApp;
	let uri: string;
	let channelId: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		uri = databaseUri(`chatconc_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		channelId = await cohortChannel(uri, 'durchgang-3-');
	});
	afterAll(async () => {
		for (const s of sockets) s.close();
		await app?.stop();
	});

	it('gives gap-free unique sequence numbers and one order, the stored one, at every client', async () => {
		const cohortId = await channelCohortId(uri, channelId);
		const members = await createMembers(uri, 20, cohortId, 'parallel');
		for (const m of members)
			sockets.push(await connected(openSocket(app.url, { cookie: m.cookie })));
		const received = sockets.map(() => [] as number[]);
		sockets.forEach((s, i) => s.on('message:new', (m: ChatMessageDto) => received[i]!.push(m.seq)));
		for (const s of sockets)
			expect((await request(s, 'channel:join', { channelId })).ok).toBe(true);

		const perSender = 5;
		const answers = await Promise.all(
			sockets.flatMap((s, i) =>
				Array.from({ length: perSender }, (_, k) =>
					request<ChatMessageDto>(s, 'message:send', {
						channelId,
						clientId: `parallel-${i}-${k}-${Date.now()}`,
						body: `Sender ${i}, Nachricht ${k}`
					})
				)
			)
		);
		const seqs = answers.map((a) => (a.ok ? a.data.seq : -1)).sort((a, b) => a - b);
		const total = sockets.length * perSender;
		expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));

		const stored = await storedMessages(uri, channelId);
		expect(stored.map((m) => m.seq)).toEqual(seqs);

		// Every client gets every message once, in seq order.
		await expect.poll(() => received, { timeout: 20_000 }).toEqual(received.map(() => seqs));
	});
});
