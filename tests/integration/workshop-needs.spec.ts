import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Need, Workshop } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import type { WorkshopLean } from '../../src/lib/server/workshops/access';
import { voteTotalMarkers } from '../support/vote';

/**
 * The dot vote on the built server with the demo network: while the vote is open, neither the
 * page's HTML, nor its `__data.json`, nor a dot's form-action answer, nor the register's export
 * carries a total, for organiser, voters and observer alike; once closed, the ranking shows.
 */
const who = {
	organiser: 'organisation@netzwerk.example',
	anna: 'anna.schulze@netzwerk.example',
	petra: 'petra.lange@netzwerk.example',
	observer: 'kts@netzwerk.example'
} as const;
type Who = keyof typeof who;

let app: RunningApp;
const cookies = {} as Record<Who, string>;
let workshopId: string;
const dbName = `needs_${Date.now()}`;
/** Keys only the closed vote's ranking has (devalue keeps object keys as JSON strings). */

beforeAll(async () => {
	app = await startApp({ MONGODB_URI: databaseUri(dbName), SEED_DEMO: 'always' });
	await mongoose.connect(databaseUri(dbName));
	for (const [name, email] of Object.entries(who))
		cookies[name as Who] = await login(app, email, demoPassword);
	workshopId = (await Workshop.findOne({ number: 3 }).lean())!._id.toString();
});

afterAll(async () => {
	await mongoose.disconnect();
	await app?.stop();
});

const needsPath = () => `/workshops/${workshopId}/needs`;
const post = (name: Who, path: string, fields: Record<string, string>, json = false) =>
	postForm(app, path, fields, {
		cookie: cookies[name],
		// As `use:enhance` sends it: the action's result comes back as JSON.
		headers: json ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : {}
	});
const get = async (name: Who, path: string) => {
	const res = await fetch(app.url + path, {
		headers: { cookie: cookies[name] },
		redirect: 'manual'
	});
	return { status: res.status, body: await res.text() };
};

/** Everything a member's browser receives for the vote page: the HTML and the page data. */
async function whatTheBrowserGets(name: Who): Promise<string> {
	const html = await get(name, needsPath());
	const data = await get(name, `${needsPath()}/__data.json`);
	expect([html.status, data.status]).toEqual([200, 200]);
	return html.body + data.body;
}

describe('dot vote on the built server', () => {
	it('keeps every total away from every browser until the vote closes', async () => {
		for (const title of ['Breitband für alle', 'Personal für Digitalisierung']) {
			const created = await post('organiser', `${needsPath()}/new`, {
				title,
				descriptionSource: 'Aus der Bedarfserhebung',
				municipality: 'mehrere',
				topic: 'Digitalisierung',
				sourceKind: 'manual'
			});
			expect(created.status).toBe(303);
		}
		const [first, second] = (await Need.find({ workshopId }).sort({ createdAt: 1 }).lean()).map(
			(n) => n._id.toString()
		);
		expect(
			(await post('organiser', `${needsPath()}?/openVote`, { dotsPerVoter: '3', maxPerCard: '2' }))
				.status
		).toBe(200);

		const dot = await post('anna', `${needsPath()}?/dot`, { needId: first!, by: '1' }, true);
		const dotAnswer = await dot.text();
		expect(dotAnswer).toContain('dotsLeft');
		for (const key of voteTotalMarkers) expect(dotAnswer).not.toContain(key);
		// Without JavaScript the same form answers with the whole page.
		const plain = await post('anna', `${needsPath()}?/dot`, { needId: first!, by: '1' });
		expect(plain.status).toBe(200);
		const plainPage = await plain.text();
		expect(plainPage).toContain('Sie haben noch 1 Punkt.');
		expect((await post('anna', `${needsPath()}?/dot`, { needId: first!, by: '1' })).status).toBe(
			409
		);
		expect((await post('petra', `${needsPath()}?/dot`, { needId: second!, by: '1' })).status).toBe(
			200
		);
		expect(
			(await post('observer', `${needsPath()}?/dot`, { needId: second!, by: '1' })).status
		).toBe(403);

		for (const name of Object.keys(who) as Who[]) {
			const received = await whatTheBrowserGets(name);
			for (const key of voteTotalMarkers) expect(received, `${name} got ${key}`).not.toContain(key);
		}
		expect(await whatTheBrowserGets('organiser')).toMatch(/2 von \d+ haben abgestimmt/);
		const csv = await get('organiser', `/needs/export.csv?workshop=${workshopId}`);
		expect(csv.body).toContain('Breitband für alle');
		expect(csv.body.split('\r\n')[0]).not.toMatch(/Punkte|total/i);

		expect((await post('organiser', `${needsPath()}?/closeVote`, {})).status).toBe(200);
		const after = await get('anna', needsPath());
		expect(after.body).toContain('data-ranking');
		expect(
			await (
				await fetch(`${app.url}${needsPath()}/__data.json`, {
					headers: { cookie: cookies.petra }
				})
			).text()
		).toContain('"total"');
	});

	it('takes an agenda item’s notes over as a card, for organisers only', async () => {
		const workshop = await Workshop.findOne({ _id: workshopId }).lean<WorkshopLean>();
		const item = workshop!.agenda.find((i) => i.kind === 'item')!;
		const path = `${needsPath()}/new?from=note&item=${item._id.toString()}`;
		const form = await get('organiser', path);
		expect(form.status).toBe(200);
		expect(form.body).toContain(`value="${item.title}"`);
		expect(form.body).toContain('name="sourceKind" value="note"');
		expect((await get('anna', path)).status).toBe(403);
		expect((await get('organiser', `${needsPath()}/new?from=note&item=nonsense`)).status).toBe(404);
	});

	it('links the register in the header and filters it by query', async () => {
		const page = await get('anna', `/needs?workshop=${workshopId}&status=new`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('href="/needs"');
		expect(page.body).toContain('Breitband für alle');
		expect((await get('anna', '/needs?status=%7B%22%24gt%22%3A%22%22%7D')).status).toBe(400);
		const done = await get('anna', `/needs?workshop=${workshopId}&status=done`);
		expect(done.body).not.toContain('Breitband für alle');
	});
});
