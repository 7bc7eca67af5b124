import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopLiveDto, WorkshopNoteDto } from '../../src/lib/realtime/events';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { request } from '../support/chat';
import { databaseUri } from '../support/db';
import { memberIdOf } from '../support/members';
import { collect, connected, nextEvent, openSocket } from '../support/socket';

const email = (name: string) => `${name}@netzwerk.example`;

/** The upcoming demo workshop (3.) and the ids of its agenda items. */
async function upcomingWorkshop(uri: string): Promise<{ id: string; items: string[] }> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		const workshop = await conn.db!.collection('workshops').findOne({ number: 3 });
		const agenda = (workshop!.agenda as { _id: unknown; kind: string }[]).filter(
			(i) => i.kind === 'item'
		);
		return { id: String(workshop!._id), items: agenda.map((i) => String(i._id)) };
	} finally {
		await conn.close();
	}
}

async function storedVersions(uri: string, workshopId: string): Promise<number> {
	const conn = await mongoose.createConnection(uri).asPromise();
	try {
		return await conn
			.db!.collection('workshopnoteversions')
			.countDocuments({ workshopId: new mongoose.Types.ObjectId(workshopId) });
	} finally {
		await conn.close();
	}
}

/**
 * Notes in a live workshop over the real server: a saved note reaches the roster's sockets,
 * a save from an older version is refused and shows both texts, and only the roster joins.
 */
describe('workshop notes live', () => {
	let app: RunningApp;
	let uri: string;
	let workshop: { id: string; items: string[] };
	const cookies: Record<string, string> = {};
	const sockets: Socket[] = [];

	beforeAll(async () => {
		uri = databaseUri(`wsnotes_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		workshop = await upcomingWorkshop(uri);
		for (const name of ['organisation', 'anna.schulze', 'jonas.becker', 'guenter.roth'])
			cookies[name] = await login(app, email(name), demoPassword);
	});
	afterAll(async () => {
		for (const s of sockets) s.close();
		await app?.stop();
	});

	async function socketOf(name: string) {
		const socket = await connected(openSocket(app.url, { cookie: cookies[name]! }));
		sockets.push(socket);
		return socket;
	}
	const act = (name: string, action: string, fields: Record<string, string>) =>
		postForm(app, `/workshops/${workshop.id}?/${action}`, fields, { cookie: cookies[name]! });

	it('a saved note reaches the room; a stale save is refused with both texts; nothing is lost', async () => {
		expect((await act('organisation', 'state', { to: 'live' })).status).toBe(200);
		const anna = await memberIdOf(uri, email('anna.schulze'));
		expect(
			(await act('organisation', 'noteTaker', { memberId: anna, noteTaker: 'on' })).status
		).toBe(200);

		const jonas = await socketOf('jonas.becker');
		const joined = await request<WorkshopLiveDto>(jonas, 'workshop:join', {
			workshopId: workshop.id
		});
		expect(joined).toMatchObject({ ok: true, data: { itemId: workshop.items[0] } });
		// A supervisor of another workshop is not let in; the answer is the same as for no workshop.
		const stranger = await socketOf('guenter.roth');
		expect(await request(stranger, 'workshop:join', { workshopId: workshop.id })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		const strangerNotes = collect<WorkshopNoteDto>(stranger, 'note:updated');

		const itemId = workshop.items[0]!;
		const arriving = nextEvent<WorkshopNoteDto>(jonas, 'note:updated');
		const saved = await act('anna.schulze', 'saveNote', {
			itemId,
			baseVersion: '0',
			source: 'Alle sind **da**.'
		});
		expect(saved.status).toBe(200);
		const note = await arriving;
		expect(note).toMatchObject({ itemId, version: 1, editedBy: expect.any(String) });
		expect(note.html).toContain('<strong>da</strong>');

		// The organiser started from the empty notes too: inzwischen geändert.
		const stale = await act('organisation', 'saveNote', {
			itemId,
			baseVersion: '0',
			source: 'Start um 10:05 & Vorstellungsrunde'
		});
		expect(stale.status).toBe(409);
		const page = await stale.text();
		expect(page).toContain('inzwischen geändert');
		expect(page).toContain('Alle sind **da**.');
		expect(page).toContain('Start um 10:05 &amp; Vorstellungsrunde');
		expect(await storedVersions(uri, workshop.id)).toBe(1);

		// Someone on the roster who is not note-taker reads, but does not write.
		const refused = await act('jonas.becker', 'saveNote', {
			itemId,
			baseVersion: '1',
			source: 'x'
		});
		expect(refused.status).toBe(403);
		expect(await storedVersions(uri, workshop.id)).toBe(1);

		// Organisers move on; the room hears the new item.
		const moved = nextEvent<WorkshopLiveDto>(jonas, 'workshop:live');
		expect((await act('organisation', 'live', { by: '1' })).status).toBe(200);
		expect(await moved).toMatchObject({ itemId: workshop.items[1] });
		expect(strangerNotes).toEqual([]);
	});
});
