import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workshop } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { parseCalendar } from '../support/ical';

/**
 * Calendar files against the built server with the demo network: the workshop download for
 * signed-in members who may see it, and the personal feed that calendar apps fetch without
 * any cookie, made, renewed and ended through the settings page.
 */
const who = {
	anna: 'anna.schulze@netzwerk.example',
	petra: 'petra.lange@netzwerk.example',
	tobias: 'tobias.lehmann@netzwerk.example'
} as const;
type Who = keyof typeof who;

let app: RunningApp;
const cookies = {} as Record<Who, string>;
let second: string;
let third: string;
const dbName = `calendar_${Date.now()}`;

beforeAll(async () => {
	app = await startApp({ MONGODB_URI: databaseUri(dbName), SEED_DEMO: 'always' });
	await mongoose.connect(databaseUri(dbName));
	for (const [name, email] of Object.entries(who))
		cookies[name as Who] = await login(app, email, demoPassword);
	second = (await Workshop.findOne({ number: 2 }).lean())!._id.toString();
	third = (await Workshop.findOne({ number: 3 }).lean())!._id.toString();
});

afterAll(async () => {
	await mongoose.disconnect();
	await app?.stop();
});

const get = (path: string, cookie = '') =>
	fetch(app.url + path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

/** Submits a settings form as a browser without JavaScript does; the page it answers with. */
async function settingsAction(name: Who, action: string): Promise<string> {
	const res = await postForm(app, `/settings?/${action}`, {}, { cookie: cookies[name] });
	expect(res.status).toBe(200);
	return res.text();
}

async function newFeedPath(name: Who): Promise<string> {
	const page = await settingsAction(name, 'renewCalendarFeed');
	const path = page.match(/\/calendar\/[a-z2-7]{32}\.ics/)?.[0];
	expect(path).toBeDefined();
	return path!;
}

const uidOf = (id: string) => `workshop-${id}@127.0.0.1`;

describe('the .ics of a workshop', () => {
	it('is a calendar file with the video link for someone on the roster', async () => {
		const res = await get(`/workshops/${third}.ics`, cookies.anna);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="3-transfer-workshop-agiles-arbeiten-in-der-verwaltung\.ics"$/
		);
		const calendar = parseCalendar(await res.text());
		expect(calendar.method).toBe('PUBLISH');
		expect(calendar.events.map((e) => e.uid)).toEqual([uidOf(third)]);
		expect(calendar.events[0]!.location).toBe('https://video.netzwerk.example/transfer-workshop-3');
		for (const zone of calendar.usedZones) expect(calendar.timezones).toContain(zone);
	});

	it('puts the 2. Transfer-Workshop at 10:00 Berlin time, 08:00 UTC', async () => {
		const res = await get(`/workshops/${second}.ics`, cookies.anna);
		const body = await res.text();
		expect(body).toContain('DTSTART;TZID=Europe/Berlin:20220929T100000');
		expect(parseCalendar(body).events[0]!.start.toISOString()).toBe('2022-09-29T08:00:00.000Z');
	});

	it('answers 404 where the workshop may not be seen, and sends strangers to the login', async () => {
		// Petra is a guest: her access to the workshop of 2022 ended 30 days after it closed.
		expect((await get(`/workshops/${second}.ics`, cookies.petra)).status).toBe(404);
		expect((await get(`/workshops/${third}.ics`, cookies.petra)).status).toBe(200);
		expect((await get('/workshops/0123456789abcdef01234567.ics', cookies.anna)).status).toBe(404);
		expect((await get('/workshops/nicht-da.ics', cookies.anna)).status).toBe(404);
		const anonymous = await get(`/workshops/${third}.ics`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
	});
});

describe('the personal calendar feed', () => {
	it('is fetched without a cookie and holds my workshops, not the waiting list', async () => {
		const annaFeed = await newFeedPath('anna');
		const res = await get(annaFeed);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(res.headers.get('set-cookie')).toBeNull();
		const annas = parseCalendar(await res.text());
		expect(annas.name).toBe('Netzwerk: Meine Workshops');
		expect(annas.events.map((e) => e.uid).sort()).toEqual([uidOf(second), uidOf(third)].sort());
		for (const zone of annas.usedZones) expect(annas.timezones).toContain(zone);

		// Tobias waits for a seat at the 3rd: no date in his calendar yet.
		const tobias = parseCalendar(await (await get(await newFeedPath('tobias'))).text());
		expect(tobias.events.map((e) => e.uid)).not.toContain(uidOf(third));

		// Petra's guest access to the 2nd has ended; the 3rd she attends with Anna.
		const petra = parseCalendar(await (await get(await newFeedPath('petra'))).text());
		expect(petra.events.map((e) => e.uid)).toEqual([uidOf(third)]);
	});

	it('stops answering the old link after a new one is made, and any link once ended', async () => {
		const first = await newFeedPath('anna');
		const renewed = await newFeedPath('anna');
		expect(renewed).not.toBe(first);
		expect((await get(first)).status).toBe(404);
		expect((await get(renewed)).status).toBe(200);

		const settings = await (await get('/settings', cookies.anna)).text();
		expect(settings).toContain('Ihr Kalender-Abo ist aktiv');
		expect(settings).not.toContain(renewed); // shown once, when made

		const ended = await settingsAction('anna', 'endCalendarFeed');
		expect(ended).toContain('Ihr Kalender-Abo wurde beendet');
		expect((await get(renewed)).status).toBe(404);
		expect((await get('/calendar/nicht-da.ics')).status).toBe(404);
	});
});
