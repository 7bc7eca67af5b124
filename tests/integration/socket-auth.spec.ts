import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, disconnected, openSocket } from '../support/socket';

describe('Socket.IO connection authentication', () => {
	let app: RunningApp;
	let cookie: string;

	beforeAll(async () => {
		app = await startApp({
			MONGODB_URI: databaseUri(`socketauth_${Date.now()}`),
			SEED_DEMO: 'always'
		});
		cookie = await login(app, 'anna.schulze@netzwerk.example', demoPassword);
	});
	afterAll(async () => {
		await app?.stop();
	});

	it('accepts a connection with a valid session cookie from the app origin', async () => {
		const socket = await connected(openSocket(app.url, { cookie }));
		expect(socket.connected).toBe(true);
		socket.close();
	});

	it('refuses a connection without a session', async () => {
		await expect(connected(openSocket(app.url))).rejects.toThrow('unauthorized');
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
