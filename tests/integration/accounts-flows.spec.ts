import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';

/** A PNG of random pixels: it does not compress, so its size is about width x height x 3. */
const noisePng = (side: number) =>
	sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
		.png({ compressionLevel: 0 })
		.toBuffer();

describe('avatars, password reset and invitations over HTTP', () => {
	let app: RunningApp;
	let anna: string;

	beforeAll(async () => {
		const uri = databaseUri(`accflows_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		await mongoose.connect(uri);
		anna = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
	});
	afterAll(async () => {
		await mongoose.disconnect();
		await app?.stop();
	});

	async function upload(cookie: string, data: Uint8Array, name: string, type: string) {
		const form = new FormData();
		form.set('avatar', new Blob([new Uint8Array(data)], { type }), name);
		const res = await fetch(`${app.url}/settings?/avatar`, {
			method: 'POST',
			headers: { cookie, origin: app.url, accept: 'text/html' },
			body: form
		});
		return { status: res.status, text: await res.text() };
	}

	it('takes a real image of more than 1 MB and serves it as WebP to members only', async () => {
		const png = await noisePng(700);
		expect(png.byteLength).toBeGreaterThan(1024 * 1024);
		expect((await upload(anna, png, 'ich.png', 'image/png')).status).toBe(200);
		const member = await Member.findOne({ email: 'anna.schulze@netzwerk.example' }).lean();
		expect(member!.hasAvatar).toBe(true);
		const src = `${app.url}/avatars/${member!._id}?v=${member!.avatarVersion}`;
		const peer = await login(app, 'jonas.becker@netzwerk.example', demoPassword);
		const res = await fetch(src, { headers: { cookie: peer } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/webp');
		expect(res.headers.get('cache-control')).toContain('max-age');
		const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
		expect([meta.width, meta.height]).toEqual([256, 256]);
		expect((await fetch(src)).status).toBe(401);
	});

	it('refuses a file that is not an image, and one larger than 2 MB, with a clear message', async () => {
		const fake = await upload(
			anna,
			new TextEncoder().encode('<svg onload=alert(1)>'),
			'x.png',
			'image/png'
		);
		expect(fake.status).toBe(415);
		expect(fake.text).toContain('Die Datei ist kein lesbares Bild.');
		const big = await upload(anna, await noisePng(900), 'gross.png', 'image/png');
		expect(big.status).toBe(413);
		expect(big.text).toContain('größer als 2 MB');
	});

	it('answers a reset request the same way for known and unknown addresses', async () => {
		const ask = async (email: string) => {
			const res = await postForm(app, '/password-reset', { email });
			return { status: res.status, text: (await res.text()).replace(/nonce="[^"]*"/g, '') };
		};
		const known = await ask('anna.schulze@netzwerk.example');
		const unknown = await ask('unbekannt@netzwerk.example');
		expect(known.status).toBe(200);
		expect(unknown).toEqual(known);
	});

	it('refuses an invitation for an existing account, and the admin role from organisers', async () => {
		const organiser = await login(app, 'organisation@netzwerk.example', demoPassword);
		const invite = (body: Record<string, string>) =>
			postForm(app, '/admin/invitations?/create', body, { cookie: organiser });
		const existing = await invite({ email: 'anna.schulze@netzwerk.example', roles: 'alumni' });
		expect(existing.status).toBe(409);
		expect(await existing.text()).toContain(
			'Für diese E-Mail-Adresse gibt es bereits einen Zugang.'
		);
		const escalate = await invite({ email: 'chef@netzwerk.example', roles: 'admin' });
		expect(escalate.status).toBe(403);
		const injected = await invite({ email: '{"$gt":""}', roles: 'alumni' });
		expect(injected.status).toBe(400);
	});
});

describe('data export and account deletion over HTTP', () => {
	let app: RunningApp;

	beforeAll(async () => {
		const uri = databaseUri(`accdelete_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
	});
	afterAll(async () => {
		await app?.stop();
	});

	const send = (cookie: string, path: string, body: Record<string, string>) =>
		postForm(app, path, body, { cookie });

	it('exports the own data as JSON, then deletes the account after the password is confirmed', async () => {
		const cookie = await login(app, 'ines.vogel@netzwerk.example', demoPassword);
		const exported = await fetch(`${app.url}/settings/export`, { headers: { cookie } });
		expect(exported.headers.get('content-disposition')).toContain('attachment');
		const data = (await exported.json()) as { profile: { email: string }; sessions: unknown[] };
		expect(data.profile.email).toBe('ines.vogel@netzwerk.example');
		expect(data.sessions.length).toBeGreaterThan(0);
		expect(JSON.stringify(data)).not.toMatch(/passwordHash|argon2/);

		const wrong = await send(cookie, '/settings?/deleteAccount', {
			deletePassword: 'geheim-XYZ-987'
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).not.toContain('geheim-XYZ-987');
		const gone = await send(cookie, '/settings?/deleteAccount', { deletePassword: demoPassword });
		expect(gone.status).toBe(303);
		expect(
			(await fetch(`${app.url}/settings`, { headers: { cookie }, redirect: 'manual' })).status
		).toBe(303);
		await expect(login(app, 'ines.vogel@netzwerk.example', demoPassword)).rejects.toThrow();
		const peer = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
		const profile = await fetch(`${app.url}/members/ines.vogel`, { headers: { cookie: peer } });
		expect(profile.status).toBe(404);
	});
});
