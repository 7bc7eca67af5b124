import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessageDto } from '$lib/realtime/events';
import type { AppSocket } from '$lib/realtime/socket.svelte';
import { demoPassword } from '$lib/server/seed/demo-network';
import { login, startApp, type RunningApp } from '../../../tests/support/app';
import { cohortChannel, newClientId, request, storedMessages } from '../../../tests/support/chat';
import { databaseUri } from '../../../tests/support/db';
import { connected, openSocket } from '../../../tests/support/socket';
import { ChatChannel } from './channel.svelte';

/** A message as the server sends it; only seq and clientId matter to the timeline. */
function message(seq: number, body = `#${seq}`): ChatMessageDto {
	return {
		id: `m${seq}`,
		channelId: 'c1',
		seq,
		authorId: 'a1',
		authorName: 'Anna',
		body,
		html: `<p>${body}</p>`,
		clientId: `client-${seq}`,
		replyTo: null,
		reactions: {},
		editedAt: null,
		deletedAt: null,
		createdAt: new Date(0).toISOString()
	};
}
const seqs = (channel: ChatChannel) => channel.messages.map((m) => m.seq);

describe('the timeline of a channel', () => {
	it('keeps messages once each, in seq order, whatever order they arrive in', () => {
		const channel = new ChatChannel('c1', 'me', [message(3), message(1)], () => '');
		expect(seqs(channel)).toEqual([1, 3]);
		expect(channel.hasOlder).toBe(false);
		expect(channel.merge([message(5), message(2), message(4)])).toBe(true);
		expect(seqs(channel)).toEqual([1, 2, 3, 4, 5]);
		// The same seq again (an edit, or a broadcast after the history page) replaces it.
		expect(channel.merge([message(2, 'bearbeitet'), message(5)])).toBe(false);
		expect(seqs(channel)).toEqual([1, 2, 3, 4, 5]);
		expect(channel.messages[1]!.body).toBe('bearbeitet');
	});

	it('knows up to where it has no hole', () => {
		const channel = new ChatChannel('c1', 'me', [message(7), message(8), message(10)], () => '');
		expect(channel.hasOlder).toBe(true);
		expect(channel.lastSeq).toBe(10);
		expect(channel.contiguousSeq).toBe(8);
		channel.merge([message(9)]);
		expect(channel.contiguousSeq).toBe(10);
		expect(new ChatChannel('c1', 'me', [], () => '').contiguousSeq).toBe(0);
	});

	it('takes a message out of the outbox when it arrives stored, by its clientId', () => {
		const channel = new ChatChannel('c1', 'me', [], () => '');
		channel.send('Hallo', null); // not attached: it waits
		const [waiting] = channel.outbox;
		expect(waiting).toMatchObject({ body: 'Hallo', status: 'pending' });
		channel.merge([{ ...message(1, 'Hallo'), clientId: waiting!.clientId }]);
		expect(channel.outbox).toEqual([]);
		expect(seqs(channel)).toEqual([1]);
	});
});

describe('a channel on a live connection', () => {
	let app: RunningApp;
	let uri: string;
	let channelId: string;
	let cookie: string;
	const sockets: Socket[] = [];
	const channels: ChatChannel[] = [];

	beforeAll(async () => {
		uri = databaseUri(`channel_client_${Date.now()}`);
		// Without the send rate limit: the tests send faster than a person types.
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always', CHAT_RATE_LIMIT: 'off' });
		channelId = await cohortChannel(uri, 'durchgang-1-');
		cookie = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
	});
	afterEach(() => {
		for (const channel of channels.splice(0)) channel.detach();
		for (const socket of sockets.splice(0)) socket.close();
	});
	afterAll(async () => {
		await app?.stop();
	});

	async function socket(): Promise<Socket> {
		const opened = await connected(openSocket(app.url, { cookie }));
		sockets.push(opened);
		return opened;
	}

	/** Sends through a socket of its own, as another tab would. */
	async function sendElsewhere(body: string): Promise<ChatMessageDto> {
		const other = await socket();
		const ack = await request<ChatMessageDto>(other, 'message:send', {
			channelId,
			clientId: newClientId(),
			body
		});
		if (!ack.ok) throw new Error(ack.error);
		return ack.data;
	}

	function open(initial: ChatMessageDto[], on: Socket): ChatChannel {
		const channel = new ChatChannel(channelId, 'me', initial, (m) => m.body);
		channels.push(channel);
		channel.attach(on as unknown as AppSocket);
		return channel;
	}

	it('fetches what is missing after the last gap-free seq when it connects', async () => {
		const sent = [];
		for (const body of ['eins', 'zwei', 'drei', 'vier']) sent.push(await sendElsewhere(body));
		const channel = open([sent[0]!, sent[1]!, sent[3]!], await socket());
		await expect
			.poll(() => channel.messages.map((m) => m.body), { timeout: 10_000 })
			.toEqual(['eins', 'zwei', 'drei', 'vier']);
	});

	it('fills a hole that a live message reveals', async () => {
		const first = await sendElsewhere('vorher');
		const channel = open([first], await socket());
		await expect.poll(() => channel.lastSeq, { timeout: 10_000 }).toBe(first.seq);
		const missed = await sendElsewhere('verpasst');
		await expect.poll(() => channel.lastSeq, { timeout: 10_000 }).toBe(missed.seq);
		// As if the broadcast of that message had been lost: the next live one shows the hole.
		channel.messages.splice(
			channel.messages.findIndex((m) => m.seq === missed.seq),
			1
		);
		const next = await sendElsewhere('danach');
		await expect
			.poll(() => channel.messages.slice(-3).map((m) => m.body), { timeout: 10_000 })
			.toEqual(['vorher', 'verpasst', 'danach']);
		expect(channel.contiguousSeq).toBe(next.seq);
		expect(channel.announcement).toBe('danach');
	});

	it('sends what was written offline once, in order, when the connection is back', async () => {
		const tab = await socket();
		const channel = open([], tab);
		await expect.poll(() => channel.lastSeq, { timeout: 10_000 }).toBeGreaterThan(0);
		tab.disconnect();
		channel.send('offline eins', null);
		channel.send('offline zwei', null);
		expect(channel.outbox.map((o) => o.status)).toEqual(['pending', 'pending']);
		const clientIds = channel.outbox.map((o) => o.clientId);

		tab.connect();
		await expect.poll(() => channel.outbox, { timeout: 10_000 }).toEqual([]);
		const stored = (await storedMessages(uri, channelId)).filter((m) =>
			clientIds.includes(m.clientId as string)
		);
		expect(stored.map((m) => m.body)).toEqual(['offline eins', 'offline zwei']);
		expect(channel.messages.slice(-2).map((m) => m.body)).toEqual(['offline eins', 'offline zwei']);
	});

	it('keeps a refused message as failed with the reason, until it is discarded', async () => {
		const channel = open([], await socket());
		await expect.poll(() => channel.lastSeq, { timeout: 10_000 }).toBeGreaterThan(0);
		channel.send('x'.repeat(4001), null);
		await expect.poll(() => channel.outbox[0]?.status, { timeout: 10_000 }).toBe('failed');
		expect(channel.outbox[0]!.error).not.toBe('');
		channel.retry(channel.outbox[0]!.clientId);
		await expect.poll(() => channel.outbox[0]?.status, { timeout: 10_000 }).toBe('failed');
		channel.discard(channel.outbox[0]!.clientId);
		expect(channel.outbox).toEqual([]);
	});
});
