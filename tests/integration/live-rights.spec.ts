import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ChatMessageDto, ForumPostDto } from '../../src/lib/realtime/events';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import {
	channelCohortId,
	cohortChannel,
	newClientId,
	request,
	storedMessages
} from '../support/chat';
import { databaseUri } from '../support/db';
import { deactivate, memberIdOf, setCohorts, setRoles } from '../support/members';
import { collect, connected, disconnected, nextEvent, openSocket } from '../support/socket';

const email = (name: string) => `${name}@netzwerk.example`;

/** A visible thread in a category that members read and supervisors do not. */
/** The upcoming demo workshop (3.) and its channel. */
async function upcomingWorkshop(uri: string): Promise<{ id: string; channelId: string }> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const workshop = await conn.db!.collection('workshops').findOne({ number: 3 });
		return { id: String(workshop!._id), channelId: String(workshop!.channelId) };
	} finally {
		await conn.close();
	}
}

async function threadForMembersOnly(uri: string): Promise<string> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const category = await conn
			.db!.collection('forumcategories')
			.findOne({ readRoles: 'alumni', slug: { $ne: 'transfer-fachvorgesetzte' } });
		const thread = await conn
			.db!.collection('forumthreads')
			.findOne({ categoryId: category!._id, hidden: { $ne: true } });
		return String(thread!._id);
	} finally {
		await conn.close();
	}
}

/**
 * A member's rights change while their socket is open: the next event is judged by the new
 * rights, and rooms they may no longer read are left at once (no more broadcasts).
 */
describe('live sockets follow role and cohort changes', () => {
	let app: RunningApp;
	let uri: string;
	let admin: string;
	let cohort1: string;
	let cohort2: string;
	let cohort3: string;
	const sockets: Socket[] = [];

	beforeAll(async () => {
		uri = databaseUri(`liverights_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		admin = await login(app, email('admin'), demoPassword);
		cohort1 = await cohortChannel(uri, 'durchgang-1-');
		cohort2 = await cohortChannel(uri, 'durchgang-2-');
		cohort3 = await cohortChannel(uri, 'durchgang-3-');
	});
	afterAll(async () => {
		for (const s of sockets) s.close();
		await app?.stop();
	});

	async function socketOf(name: string) {
		const socket = await connected(
			openSocket(app.url, { cookie: await login(app, email(name), demoPassword) })
		);
		sockets.push(socket);
		return socket;
	}

	const send = (socket: Socket, channelId: string, body: string) =>
		request<ChatMessageDto>(socket, 'message:send', {
			channelId,
			clientId: newClientId(),
			body
		});

	/** Sends through `sender` and waits until `witness` has it: the broadcast is then done. */
	async function broadcastSeenBy(witness: Socket, sender: Socket, channelId: string) {
		const seen = nextEvent<ChatMessageDto>(witness, 'message:new');
		expect((await send(sender, channelId, 'Kontrollnachricht')).ok).toBe(true);
		await seen;
		await new Promise((r) => setTimeout(r, 200));
	}

	it('a cohort removed: the open socket no longer reads, writes or receives that channel', async () => {
		const member = await socketOf('matthias.richter');
		const witness = await socketOf('anna.schulze');
		for (const s of [member, witness])
			expect((await request(s, 'channel:join', { channelId: cohort1 })).ok).toBe(true);
		expect((await request(member, 'channel:watch', { channelIds: [cohort1] })).ok).toBe(true);
		const changed = nextEvent(member, 'rights:changed');

		const id = await memberIdOf(uri, email('matthias.richter'));
		await setCohorts(app, admin, id, [await channelCohortId(uri, cohort2)]);
		await changed;

		const messages = collect<ChatMessageDto>(member, 'message:new');
		const activity = collect(member, 'channel:activity');
		await broadcastSeenBy(witness, witness, cohort1);
		expect(messages).toEqual([]);
		expect(activity).toEqual([]);
		expect(await request(member, 'message:history', { channelId: cohort1 })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		const before = (await storedMessages(uri, cohort1)).length;
		expect(await send(member, cohort1, 'Noch da?')).toMatchObject({ ok: false, code: 'not_found' });
		expect((await storedMessages(uri, cohort1)).length).toBe(before);
		expect(await request(member, 'channel:join', { channelId: cohort1 })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
	});

	it('a cohort added: the open socket reads and follows the new channel without reconnecting', async () => {
		const member = await socketOf('julia.schroeder');
		const other = await socketOf('paul.schubert'); // cohort 2
		expect(await request(member, 'message:history', { channelId: cohort2 })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect((await request(member, 'channel:watch', { channelIds: [cohort1] })).ok).toBe(true);

		const id = await memberIdOf(uri, email('julia.schroeder'));
		const cohortIds = [cohort1, cohort2].map((c) => channelCohortId(uri, c));
		await setCohorts(app, admin, id, await Promise.all(cohortIds));

		// The tab following channel activity now follows the new channel too.
		const activity = nextEvent<{ channelId: string }>(member, 'channel:activity');
		expect((await request(other, 'channel:join', { channelId: cohort2 })).ok).toBe(true);
		expect((await send(other, cohort2, 'Willkommen im Durchgang 2')).ok).toBe(true);
		expect((await activity).channelId).toBe(cohort2);
		expect((await request(member, 'message:history', { channelId: cohort2 })).ok).toBe(true);
		expect((await request(member, 'channel:join', { channelId: cohort2 })).ok).toBe(true);
		expect((await send(member, cohort2, 'Hallo Durchgang 2')).ok).toBe(true);
	});

	it('a role removed: a former moderator leaves other cohorts\u2019 channels at once', async () => {
		const moderator = await socketOf('moderation'); // moderator of cohort 1, reads every cohort
		const witness = await socketOf('svenja.lorenz'); // cohort 3
		for (const s of [moderator, witness])
			expect((await request(s, 'channel:join', { channelId: cohort3 })).ok).toBe(true);

		const id = await memberIdOf(uri, email('moderation'));
		await setRoles(app, admin, id, ['alumni']);

		const messages = collect<ChatMessageDto>(moderator, 'message:new');
		await broadcastSeenBy(witness, witness, cohort3);
		expect(messages).toEqual([]);
		expect(await request(moderator, 'message:history', { channelId: cohort3 })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		// Her own cohort stays readable.
		expect((await request(moderator, 'message:history', { channelId: cohort1 })).ok).toBe(true);
	});

	it('a role removed: live forum threads the member may no longer read are left', async () => {
		const threadId = await threadForMembersOnly(uri);
		const reader = await socketOf('stefan.braun');
		const witness = await socketOf('nadine.zimmermann');
		for (const s of [reader, witness])
			expect((await request(s, 'thread:join', { threadId })).ok).toBe(true);

		// Supervisors read only the category opened to them.
		await setRoles(app, admin, await memberIdOf(uri, email('stefan.braun')), ['supervisor']);

		const posts = collect<ForumPostDto>(reader, 'post:new');
		const seen = nextEvent<ForumPostDto>(witness, 'post:new');
		const cookie = await login(app, email('nadine.zimmermann'), demoPassword);
		const reply = await postForm(
			app,
			`/forum/t/${threadId}?/reply`,
			{ body: 'Antwort' },
			{ cookie }
		);
		expect(reply.status).toBe(303);
		await seen;
		await new Promise((r) => setTimeout(r, 200));
		expect(posts).toEqual([]);
		expect(await request(reader, 'thread:join', { threadId })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
	});

	it('a workshop answer: a "no" leaves the workshop channel at once, a "yes" joins it again', async () => {
		const workshop = await upcomingWorkshop(uri);
		const cookie = await login(app, email('miriam.krueger'), demoPassword);
		const member = await connected(openSocket(app.url, { cookie }));
		sockets.push(member);
		const witness = await socketOf('organisation');
		for (const s of [member, witness])
			expect((await request(s, 'channel:join', { channelId: workshop.channelId })).ok).toBe(true);

		const answer = (value: string) =>
			postForm(app, `/workshops/${workshop.id}?/rsvp`, { answer: value }, { cookie });
		expect((await answer('no')).status).toBe(200);
		const messages = collect<ChatMessageDto>(member, 'message:new');
		await broadcastSeenBy(witness, witness, workshop.channelId);
		expect(messages).toEqual([]);
		expect(await send(member, workshop.channelId, 'Doch noch?')).toMatchObject({
			ok: false,
			code: 'not_found'
		});

		expect((await answer('yes')).status).toBe(200);
		expect((await request(member, 'channel:join', { channelId: workshop.channelId })).ok).toBe(
			true
		);
		expect((await send(member, workshop.channelId, 'Ich bin wieder dabei')).ok).toBe(true);
	});

	it('a guest revoked from a workshop: their open socket is dropped at once', async () => {
		const workshop = await upcomingWorkshop(uri);
		const cookie = await login(app, email('petra.lange'), demoPassword);
		const guest = await connected(openSocket(app.url, { cookie }));
		sockets.push(guest);
		expect((await request(guest, 'channel:join', { channelId: workshop.channelId })).ok).toBe(true);
		const dropped = disconnected(guest, 5000);
		const organiser = await login(app, email('organisation'), demoPassword);
		const revoked = await postForm(
			app,
			`/workshops/${workshop.id}?/revokeGuest`,
			{ memberId: await memberIdOf(uri, email('petra.lange')) },
			{ cookie: organiser }
		);
		expect(revoked.status).toBe(200);
		expect(await dropped).toBe('io server disconnect');
		await expect(connected(openSocket(app.url, { cookie }))).rejects.toThrow('unauthorized');
	});

	it('deactivation: the open socket is dropped and cannot come back', async () => {
		const cookie = await login(app, email('christian.hartmann'), demoPassword);
		const socket = await connected(openSocket(app.url, { cookie }));
		sockets.push(socket);
		expect((await request(socket, 'channel:join', { channelId: cohort1 })).ok).toBe(true);
		const dropped = disconnected(socket, 5000);
		await deactivate(app, admin, await memberIdOf(uri, email('christian.hartmann')));
		expect(await dropped).toBe('io server disconnect');
		await expect(connected(openSocket(app.url, { cookie }))).rejects.toThrow('unauthorized');
	});
});
