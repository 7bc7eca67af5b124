import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChatMessageDto, ChatTyping, NotificationDto } from '../../src/lib/realtime/events';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, nextEvent, openSocket } from '../support/socket';
import { channelIds, cohortChannel, newClientId, request, storedMessages } from '../support/chat';

const email = (name: string) => `${name}@netzwerk.example`;

describe('chat protocol over Socket.IO', () => {
	let app: RunningApp;
	let uri: string;
	let cohort1: string;
	let cohort2: string;
	let general: string;
	const sockets: Record<string, Socket> = {};

	async function socketOf(name: string) {
		sockets[name] ??= await connected(
			openSocket(app.url, { cookie: await login(app, email(name), demoPassword) })
		);
		return sockets[name];
	}

	beforeAll(async () => {
		uri = databaseUri(`chatproto_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		cohort1 = await cohortChannel(uri, 'durchgang-1-');
		cohort2 = await cohortChannel(uri, 'durchgang-2-');
		general = (await channelIds(uri)).get('alumni')!.id;
	});
	afterAll(async () => {
		for (const s of Object.values(sockets)) s.close();
		await app?.stop();
	});

	it('stores a message, acknowledges it with its seq and broadcasts it to the room', async () => {
		const anna = await socketOf('anna.schulze');
		const jonas = await socketOf('jonas.becker');
		expect((await request(jonas, 'channel:join', { channelId: cohort1 })).ok).toBe(true);
		const received = nextEvent<ChatMessageDto>(jonas, 'message:new');
		const ack = await request<ChatMessageDto>(anna, 'message:send', {
			channelId: cohort1,
			clientId: newClientId(),
			body: 'Hallo **Durchgang 1**'
		});
		expect(ack.ok).toBe(true);
		if (!ack.ok) return;
		expect(ack.data.html).toContain('<strong>Durchgang 1</strong>');
		expect(ack.data.seq).toBeGreaterThan(3); // after the demo history
		expect((await received).seq).toBe(ack.data.seq);
	});

	it('answers a retry with the same clientId with the stored message and broadcasts nothing', async () => {
		const anna = await socketOf('anna.schulze');
		const jonas = await socketOf('jonas.becker');
		const clientId = newClientId();
		const seen: number[] = [];
		const listener = (m: ChatMessageDto) => m.clientId === clientId && seen.push(m.seq);
		jonas.on('message:new', listener);
		const payload = { channelId: cohort1, clientId, body: 'Nur einmal' };
		const [a, b] = await Promise.all([
			request<ChatMessageDto>(anna, 'message:send', payload),
			request<ChatMessageDto>(anna, 'message:send', payload)
		]);
		const c = await request<ChatMessageDto>(anna, 'message:send', payload);
		expect(a.ok && b.ok && c.ok).toBe(true);
		if (!a.ok || !b.ok || !c.ok) return;
		expect(new Set([a.data.id, b.data.id, c.data.id]).size).toBe(1);
		// a later message proves the room is live; the retry's broadcast would have come before it
		const marker = nextEvent<ChatMessageDto>(jonas, 'message:new');
		await request(anna, 'message:send', { channelId: cohort1, clientId: newClientId(), body: 'x' });
		await marker;
		jonas.off('message:new', listener);
		expect(seen).toEqual([a.data.seq]);
		const stored = await storedMessages(uri, cohort1);
		expect(stored.filter((m) => m.clientId === clientId)).toHaveLength(1);
	});

	it('refuses bad payloads with an invalid ack, stores nothing, and the socket stays usable', async () => {
		const jonas = await socketOf('jonas.becker');
		const florian = await socketOf('florian.neumann');
		const before = (await storedMessages(uri, cohort1)).length;
		const bad: unknown[] = [
			null,
			[],
			'text',
			42,
			{},
			{ channelId: cohort1, clientId: newClientId(), body: '' },
			{ channelId: cohort1, clientId: newClientId(), body: '   \n ' },
			{ channelId: cohort1, clientId: newClientId(), body: 'x'.repeat(4001) },
			{ channelId: cohort1, clientId: newClientId(), body: ['a'] },
			{ channelId: cohort1, clientId: newClientId(), body: { text: 'a' } },
			{ channelId: { $gt: '' }, clientId: newClientId(), body: 'a' },
			{ channelId: cohort1, clientId: { $ne: null }, body: 'a' },
			{ channelId: cohort1, clientId: 'short', body: 'a' },
			{ channelId: cohort1, clientId: newClientId(), body: 'a', extra: { deep: { deeper: 1 } } },
			{ channelId: cohort1, clientId: newClientId(), body: 'a', replyTo: -1 }
		];
		// Every send counts against the member's flood limit, valid or not: two members stay under it.
		for (const [i, payload] of bad.entries()) {
			const ack = await request(i % 2 ? florian : jonas, 'message:send', payload);
			expect(ack, JSON.stringify(payload)?.slice(0, 80)).toMatchObject({
				ok: false,
				code: 'invalid'
			});
		}
		const tooLong = await request(florian, 'message:send', {
			channelId: cohort1,
			clientId: newClientId(),
			body: 'x'.repeat(5000)
		});
		expect(tooLong).toMatchObject({ ok: false, code: 'invalid' });
		if (!tooLong.ok) expect(tooLong.error).toMatch(/4000/);
		// No acknowledgement callback at all: ignored, the server stays up.
		jonas.emit('message:send', { channelId: cohort1, clientId: newClientId(), body: 'ohne Ack' });
		expect((await storedMessages(uri, cohort1)).length).toBe(before);
		const history = await request(jonas, 'message:history', { channelId: cohort1, limit: 5 });
		expect(history.ok).toBe(true);
		expect(jonas.connected).toBe(true);
	});

	it('renders Markdown with script, handlers, javascript: links and raw HTML inert', async () => {
		const anna = await socketOf('anna.schulze');
		const ack = await request<ChatMessageDto>(anna, 'message:send', {
			channelId: cohort1,
			clientId: newClientId(),
			body: '<script>alert(1)</script> <img src=x onerror=alert(1)> [klick](javascript:alert(1)) <a href="&#106;avascript:alert(1)">x</a>'
		});
		expect(ack.ok).toBe(true);
		if (!ack.ok) return;
		expect(ack.data.html).not.toMatch(/<script|<img|onerror=|href="javascript|href="&#106;/i);
	});

	it('answers every event in another cohort channel exactly like an unknown channel', async () => {
		const paul = await socketOf('paul.schubert'); // cohort 2
		const unknown = '0123456789abcdef01234567';
		for (const channelId of [cohort1, unknown]) {
			const answers = await Promise.all([
				request(paul, 'channel:join', { channelId }),
				request(paul, 'message:send', { channelId, clientId: newClientId(), body: 'hi' }),
				request(paul, 'message:history', { channelId, limit: 10 }),
				request(paul, 'message:edit', { channelId, seq: 1, body: 'x' }),
				request(paul, 'message:delete', { channelId, seq: 1 }),
				request(paul, 'message:react', { channelId, seq: 1, reaction: 'heart', on: true }),
				request(paul, 'channel:read', { channelId, seq: 1 })
			]);
			for (const a of answers) expect(a).toMatchObject({ ok: false, code: 'not_found' });
		}
		expect((await request(paul, 'channel:join', { channelId: cohort2 })).ok).toBe(true);
		expect((await request(paul, 'channel:join', { channelId: general })).ok).toBe(true);
	});

	it('gives a supervisor no cohort or alumni channel; a moderator reads every cohort', async () => {
		const petra = await socketOf('petra.lange');
		for (const channelId of [cohort1, general]) {
			expect(await request(petra, 'message:history', { channelId, limit: 5 })).toMatchObject({
				ok: false,
				code: 'not_found'
			});
		}
		const mona = await socketOf('moderation');
		expect((await request(mona, 'message:history', { channelId: cohort2, limit: 5 })).ok).toBe(
			true
		);
	});

	it('checks membership on every event, not only on join: typing in a foreign channel is dropped', async () => {
		const paul = await socketOf('paul.schubert');
		const jonas = await socketOf('jonas.becker');
		const typings: ChatTyping[] = [];
		jonas.on('typing:update', (t: ChatTyping) => typings.push(t));
		paul.emit('typing:start', { channelId: cohort1 });
		const anna = await socketOf('anna.schulze');
		const annaTyping = nextEvent<ChatTyping>(jonas, 'typing:update');
		anna.emit('typing:start', { channelId: cohort1 });
		expect(await annaTyping).toMatchObject({
			channelId: cohort1,
			name: 'Anna Schulze',
			typing: true
		});
		jonas.off('typing:update');
		expect(typings.map((t) => t.name)).toEqual(['Anna Schulze']);
	});

	it('edits and deletes only own messages; reactions come from the allow-list', async () => {
		const anna = await socketOf('anna.schulze');
		const jonas = await socketOf('jonas.becker');
		const sent = await request<ChatMessageDto>(anna, 'message:send', {
			channelId: cohort1,
			clientId: newClientId(),
			body: 'Tippfeler'
		});
		if (!sent.ok) throw new Error(sent.error);
		const seq = sent.data.seq;
		expect(
			await request(jonas, 'message:edit', { channelId: cohort1, seq, body: 'fremd' })
		).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		const edited = await request<ChatMessageDto>(anna, 'message:edit', {
			channelId: cohort1,
			seq,
			body: 'Tippfehler'
		});
		expect(edited).toMatchObject({ ok: true, data: { body: 'Tippfehler', seq } });
		if (edited.ok) expect(edited.data.editedAt).not.toBeNull();
		const reacted = await request<ChatMessageDto>(jonas, 'message:react', {
			channelId: cohort1,
			seq,
			reaction: 'like',
			on: true
		});
		expect(reacted.ok && reacted.data.reactions.like).toHaveLength(1);
		expect(
			await request(jonas, 'message:react', { channelId: cohort1, seq, reaction: 'poop', on: true })
		).toMatchObject({ ok: false, code: 'invalid' });
		expect(await request(jonas, 'message:delete', { channelId: cohort1, seq })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		const deleted = await request<ChatMessageDto>(anna, 'message:delete', {
			channelId: cohort1,
			seq
		});
		expect(deleted).toMatchObject({ ok: true, data: { body: '', html: '', seq } });
		const stored = (await storedMessages(uri, cohort1)).find((m) => m.seq === seq)!;
		expect(stored.body).toBe('');
		expect(stored.deletedAt).toBeTruthy();
	});

	it('notifies a mentioned member live', async () => {
		const anna = await socketOf('anna.schulze');
		const jonas = await socketOf('jonas.becker');
		const notified = nextEvent<NotificationDto>(jonas, 'notification:new');
		const ack = await request(anna, 'message:send', {
			channelId: cohort1,
			clientId: newClientId(),
			body: 'Frage an @jonas.becker: wie läuft es?'
		});
		expect(ack.ok).toBe(true);
		expect(await notified).toMatchObject({ kind: 'mention', actorName: 'Anna Schulze' });
	});

	it('throttles a flood with a clear error and keeps the socket usable', async () => {
		const lukas = await socketOf('lukas.weber');
		const channelId = await cohortChannel(uri, 'pilot');
		const answers = await Promise.all(
			Array.from({ length: 15 }, (_, i) =>
				request(lukas, 'message:send', { channelId, clientId: newClientId(), body: `Flut ${i}` })
			)
		);
		const limited = answers.filter((a) => !a.ok);
		expect(limited.length).toBeGreaterThan(0);
		expect(limited[0]).toMatchObject({ ok: false, code: 'rate_limited' });
		if (!limited[0]!.ok) expect(limited[0]!.error).toMatch(/zu schnell/);
		const stored = await storedMessages(uri, channelId);
		expect(stored.length).toBe(answers.filter((a) => a.ok).length);
		expect((await request(lukas, 'message:history', { channelId, limit: 5 })).ok).toBe(true);
	});

	it('sends through the page form without JavaScript, once per clientId', async () => {
		const cookie = await login(app, email('ines.vogel'), demoPassword);
		const page = await fetch(`${app.url}/chat`, { headers: { cookie }, redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toMatch(/^\/chat\//);
		const slug = [...(await channelIds(uri))].find(([, c]) => c.id === cohort1)![0];
		const path = `/chat/${slug}`;
		const clientId = newClientId('form');
		const post = () =>
			postForm(app, `${path}?/send`, { clientId, body: 'Ohne *JavaScript*' }, { cookie });
		expect((await post()).status).toBe(303);
		expect((await post()).status).toBe(303);
		const empty = await postForm(
			app,
			`${path}?/send`,
			{ clientId: newClientId('form'), body: '  ' },
			{ cookie }
		);
		expect(empty.status).toBe(400);
		const stored = await storedMessages(uri, cohort1);
		expect(stored.filter((m) => m.clientId === clientId)).toHaveLength(1);
		// Another cohort's channel page is a 404, the same as an unknown one.
		const paul = await login(app, email('paul.schubert'), demoPassword);
		expect((await fetch(`${app.url}${path}`, { headers: { cookie: paul } })).status).toBe(404);
		expect((await fetch(`${app.url}/chat/unbekannt`, { headers: { cookie: paul } })).status).toBe(
			404
		);
	});

	it('lets a tab watch only readable channels and tells it of new messages there, without content', async () => {
		const paul = await socketOf('paul.schubert');
		const watched = await request<{ channelIds: string[] }>(paul, 'channel:watch', {
			channelIds: [cohort1, cohort2, general]
		});
		expect(watched).toMatchObject({ ok: true, data: { channelIds: [cohort2, general] } });
		expect(await request(paul, 'channel:watch', { channelIds: [{ $gt: '' }] })).toMatchObject({
			ok: false,
			code: 'invalid'
		});
		const activity = nextEvent<Record<string, unknown>>(paul, 'channel:activity');
		// Another sender than the earlier cases, so the flood limit stays out of this one.
		const miriam = await socketOf('miriam.krueger');
		const sent = await request<ChatMessageDto>(miriam, 'message:send', {
			channelId: general,
			clientId: newClientId(),
			body: 'An alle'
		});
		expect(sent.ok).toBe(true);
		const seen = await activity;
		expect(seen).toEqual({
			channelId: general,
			seq: sent.ok ? sent.data.seq : -1,
			authorId: sent.ok ? sent.data.authorId : ''
		});
	});
});
