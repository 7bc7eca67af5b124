import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { Member, Session } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, disconnected, openSocket } from '../support/socket';

const day = 24 * 60 * 60 * 1000;

const post = (
	app: RunningApp,
	path: string,
	cookie: string,
	body: Record<string, string> = {},
	origin = app.url
) => postForm(app, path, body, { cookie, origin });

const get = (app: RunningApp, path: string, cookie: string) =>
	fetch(app.url + path, { headers: { cookie }, redirect: 'manual' });

describe('sessions, deactivation and CSRF', () => {
	let app: RunningApp;

	beforeAll(async () => {
		const uri = databaseUri(`accsec_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		await mongoose.connect(uri);
	});
	afterAll(async () => {
		await mongoose.disconnect();
		await app?.stop();
	});

	it('stores the session token only as its SHA-256 hash', async () => {
		const cookie = await login(app, 'jonas.becker@netzwerk.example', demoPassword);
		const token = cookie.split('=')[1]!;
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(await Session.exists({ _id: token })).toBeNull();
		const stored = await Session.findById(hashToken(token)).lean();
		expect(stored).not.toBeNull();
		// Nowhere in the collection does the raw token appear.
		const raw = await mongoose.connection.db!.collection('sessions').find({}).toArray();
		expect(JSON.stringify(raw)).not.toContain(token);
	});

	it('slides the expiry forward when less than 15 days are left', async () => {
		const cookie = await login(app, 'miriam.krueger@netzwerk.example', demoPassword);
		const id = hashToken(cookie.split('=')[1]!);
		await Session.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() + 2 * day) } });
		const res = await get(app, '/settings', cookie);
		expect(res.status).toBe(200);
		const renewed = res.headers.getSetCookie().find((c) => c.startsWith('session='));
		expect(renewed).toMatch(/HttpOnly/i);
		expect(renewed).toMatch(/SameSite=Lax/i);
		const session = await Session.findById(id).lean();
		expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * day);
	});

	it('refuses an expired session and removes it', async () => {
		const cookie = await login(app, 'tobias.lehmann@netzwerk.example', demoPassword);
		const id = hashToken(cookie.split('=')[1]!);
		await Session.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
		const res = await get(app, '/settings', cookie);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/login/);
		expect(await Session.exists({ _id: id })).toBeNull();
	});

	it('a deactivated member loses every session at once, live sockets included', async () => {
		const email = 'sabine.wolff@netzwerk.example';
		const first = await login(app, email, demoPassword);
		const second = await login(app, email, demoPassword);
		const socket = await connected(openSocket(app.url, { cookie: first }));
		const dropped = disconnected(socket, 5000);
		const admin = await login(app, 'admin@netzwerk.example', demoPassword);
		const member = await Member.findOne({ email }).lean();
		const res = await post(app, `/admin/members/${member!._id}?/deactivate`, admin);
		expect(res.status).toBe(200);
		expect(await dropped).toBe('io server disconnect');
		expect(await Session.countDocuments({ memberId: member!._id })).toBe(0);
		for (const cookie of [first, second]) {
			const page = await get(app, '/settings', cookie);
			expect(page.status).toBe(303);
		}
		await expect(connected(openSocket(app.url, { cookie: second }))).rejects.toThrow(
			'unauthorized'
		);
		// Deactivated members cannot sign in again; the audit log names the action.
		await expect(login(app, email, demoPassword)).rejects.toThrow();
		const log = await (await get(app, '/admin/audit', admin)).text();
		expect(log).toContain('Mitglied deaktiviert');
	});

	it('a reactivated member signs in again; the language choice in settings switches the UI', async () => {
		const email = 'sabine.wolff@netzwerk.example';
		const admin = await login(app, 'admin@netzwerk.example', demoPassword);
		const member = await Member.findOne({ email }).lean();
		const res = await post(app, `/admin/members/${member!._id}?/reactivate`, admin);
		expect(res.status).toBe(200);
		const cookie = await login(app, email, demoPassword);
		const chosen = await post(app, '/settings?/language', cookie, { locale: 'en' });
		expect(chosen.status).toBe(303);
		const page = await (await get(app, '/settings', cookie)).text();
		expect(page).toContain('<html lang="en"');
		expect(page).toContain('Sign out everywhere');
	});

	it('an admin cannot take their own admin role', async () => {
		const admin = await login(app, 'admin@netzwerk.example', demoPassword);
		const self = await Member.findOne({ email: 'admin@netzwerk.example' }).lean();
		const res = await post(app, `/admin/members/${self!._id}?/roles`, admin, { roles: 'alumni' });
		expect(res.status).toBe(400);
		expect((await Member.findById(self!._id).lean())!.roles).toContain('admin');
	});

	it('refuses cross-origin POSTs to form actions with 403 and changes nothing', async () => {
		const cookie = await login(app, 'florian.neumann@netzwerk.example', demoPassword);
		const before = await Member.findOne({ email: 'florian.neumann@netzwerk.example' }).lean();
		for (const path of [
			'/settings?/profile',
			'/settings?/signOutEverywhere',
			'/admin/invitations?/create',
			'/logout'
		]) {
			const res = await post(app, path, cookie, { displayName: 'Evil' }, 'https://evil.example');
			expect(res.status).toBe(403);
		}
		const after = await Member.findOne({ email: 'florian.neumann@netzwerk.example' }).lean();
		expect(after!.displayName).toBe(before!.displayName);
		expect((await get(app, '/settings', cookie)).status).toBe(200);
	});

	it('changing the password ends the other sessions and keeps this one', async () => {
		const email = 'katrin.hoffmann@netzwerk.example';
		const current = await login(app, email, demoPassword);
		const other = await login(app, email, demoPassword);
		const wrong = await post(app, '/settings?/password', current, {
			currentPassword: 'not the password',
			password: 'Ein-neues-Passwort-1',
			passwordConfirm: 'Ein-neues-Passwort-1'
		});
		expect(wrong.status).toBe(400);
		const res = await post(app, '/settings?/password', current, {
			currentPassword: demoPassword,
			password: 'Ein-neues-Passwort-1',
			passwordConfirm: 'Ein-neues-Passwort-1'
		});
		expect(res.status).toBe(200);
		expect((await get(app, '/settings', current)).status).toBe(200);
		expect((await get(app, '/settings', other)).status).toBe(303);
		await expect(login(app, email, demoPassword)).rejects.toThrow();
		expect(await login(app, email, 'Ein-neues-Passwort-1')).toMatch(/^session=/);
	});
});

describe('login throttling', () => {
	let app: RunningApp;

	beforeAll(async () => {
		app = await startApp({
			MONGODB_URI: databaseUri(`throttle_${Date.now()}`),
			SEED_DEMO: 'always',
			LOGIN_THROTTLE: 'on'
		});
	});
	afterAll(async () => {
		await app?.stop();
	});

	async function attempt(email: string, password: string) {
		const res = await postForm(app, '/login', { email, password });
		return { status: res.status, text: await res.text() };
	}

	it.each([
		['a known account', 'lena.koehler@netzwerk.example'],
		['an unknown email', 'niemand@netzwerk.example']
	])(
		'locks %s after repeated failures, with a message that says so',
		async (_label, email) => {
			const answers: number[] = [];
			for (let i = 0; i < 5; i++) answers.push((await attempt(email, 'falsches-passwort')).status);
			expect(answers.slice(0, 4)).toEqual([400, 400, 400, 400]);
			expect(answers[4]).toBe(429);
			const locked = await attempt(email, email.startsWith('lena') ? demoPassword : 'x');
			expect(locked.status).toBe(429);
			expect(locked.text).toContain('Zu viele Fehlversuche');
		},
		60_000
	);
});
