import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, disconnected, openSocket } from '../support/socket';

describe('Socket.IO connection authentication', () => {
	let app: RunningApp;
	let cookie: string;
	let uri: string;

	beforeAll(async () => {
		uri = databaseUri(`socketauth_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		cookie = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
	});
	afterAll(async () => {
		await app?.stop();
	});

	const sessionIdOf = (sessionCookie: string) => hashToken(sessionCookie.split('=')[1]!);

	type StoredSession = { _id: string; expiresAt: Date };
	async function sessions<T>(
		work: (c: mongoose.mongo.Collection<StoredSession>) => Promise<T>
	): Promise<T> {
		const conn = await mongoose.createConnection(uri).asPromise();
		try {
			return await work(conn.db!.collection<StoredSession>('sessions'));
		} finally {
			await conn.close();
		}
	}

	it('accepts a connection with a valid session cookie from the app origin', async () => {
		const socket = await connected(openSocket(app.url, { cookie }));
		expect(socket.connected).toBe(true);
		socket.close();
	});

	// With the app's own Origin the handshake gets past the origin check: "unauthorized" shows
	// that the session itself was looked at and refused.
	it('refuses a connection from the app origin without a session', async () => {
		await expect(connected(openSocket(app.url, { origin: app.url }))).rejects.toThrow(
			'unauthorized'
		);
	});

	it('refuses an expired session from the app origin, and removes it', async () => {
		const own = await login(app, 'miriam.krueger@netzwerk.example', demoPassword);
		const id = sessionIdOf(own);
		await sessions((c) =>
			c.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } })
		);
		await expect(connected(openSocket(app.url, { cookie: own, origin: app.url }))).rejects.toThrow(
			'unauthorized'
		);
		expect(await sessions((c) => c.countDocuments({ _id: id }))).toBe(0);
	});

	it('refuses a session revoked from another device, and drops its live socket', async () => {
		const email = 'tobias.lehmann@netzwerk.example';
		const laptop = await login(app, email, demoPassword);
		const phone = await login(app, email, demoPassword);
		const socket = await connected(openSocket(app.url, { cookie: laptop, origin: app.url }));
		const dropped = disconnected(socket, 2000);
		const res = await postForm(
			app,
			'/settings?/signOutSession',
			{ sessionId: sessionIdOf(laptop) },
			{ cookie: phone }
		);
		expect(res.status).toBe(200);
		expect(await dropped).toBe('io server disconnect');
		await expect(
			connected(openSocket(app.url, { cookie: laptop, origin: app.url }))
		).rejects.toThrow('unauthorized');
		const still = await connected(openSocket(app.url, { cookie: phone, origin: app.url }));
		expect(still.connected).toBe(true);
		still.close();
	});

	it('refuses a handshake without an Origin header, even with a valid session', async () => {
		await expect(connected(openSocket(app.url, { cookie, origin: null }))).rejects.toThrow(
			'forbidden_origin'
		);
	});

	it('refuses a forged or unknown session token', async () => {
		await expect(
			connected(openSocket(app.url, { cookie: 'session=abcdefghijklmnopqrstuvwxyz234567' }))
		).rejects.toThrow('unauthorized');
		await expect(connected(openSocket(app.url, { cookie: 'session={"$gt":""}' }))).rejects.toThrow(
			'unauthorized'
		);
	});

	it('refuses a valid cookie sent from a foreign origin', async () => {
		await expect(
			connected(openSocket(app.url, { cookie, origin: 'https://evil.example' }))
		).rejects.toThrow('forbidden_origin');
	});

	it('drops live sockets of a session within a second of logging out', async () => {
		const own = await login(app, 'jonas.becker@netzwerk.example', demoPassword);
		const socket = await connected(openSocket(app.url, { cookie: own }));
		const dropped = disconnected(socket, 1000);
		const res = await fetch(`${app.url}/logout`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie: own, origin: app.url }
		});
		expect(res.status).toBe(303);
		expect(await dropped).toBe('io server disconnect');
		await expect(connected(openSocket(app.url, { cookie: own }))).rejects.toThrow('unauthorized');
	});
});
