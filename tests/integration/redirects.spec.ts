import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';

/** Targets a browser would follow to another site, or that once made Kit answer 500. */
const hostile = [
	'/\t/evil.example',
	'/\n/evil.example',
	'/\\evil.example',
	'//evil.example',
	'/%2F%2Fevil.example',
	'/%5Cevil.example',
	'https://evil.example/',
	'javascript:alert(1)'
];

describe('redirect targets from input', () => {
	let app: RunningApp;
	let cookie: string;
	const email = 'anna.schulze@netzwerk.example';

	beforeAll(async () => {
		app = await startApp({
			MONGODB_URI: databaseUri(`redirects_${Date.now()}`),
			SEED_DEMO: 'always'
		});
		cookie = await login(app, email, demoPassword);
	});
	afterAll(async () => {
		await app?.stop();
	});

	const form = (path: string, fields: Record<string, string>, withCookie = '') =>
		postForm(app, path, fields, { cookie: withCookie });

	it.each(hostile)(
		'the signed-in login page sends %j home, never elsewhere and never a 500',
		async (target) => {
			const res = await fetch(`${app.url}/login?redirectTo=${encodeURIComponent(target)}`, {
				headers: { cookie },
				redirect: 'manual'
			});
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/');
		}
	);

	it('keeps a same-site path through the login form and the language switch', async () => {
		const res = await form('/login', { email, password: demoPassword, redirectTo: '/forum?x=1' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/forum?x=1');
		const switched = await form('/language', { locale: 'de', redirectTo: '/members' }, cookie);
		expect(switched.headers.get('location')).toBe('/members');
	});

	it.each(hostile)('the login form and the language switch send %j home', async (target) => {
		const signedIn = await form('/login', { email, password: demoPassword, redirectTo: target });
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/');
		const switched = await form('/language', { locale: 'de', redirectTo: target }, cookie);
		expect(switched.status).toBe(303);
		expect(switched.headers.get('location')).toBe('/');
	});
});
