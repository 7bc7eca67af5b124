import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitRules } from '../../src/lib/server/limits';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { startMailbox, tokenFrom, type Mailbox } from '../support/mail';

/** Someone else guessing a member's password must never lock the member out. */
describe('login locks and the sign-in link', () => {
	let app: RunningApp;
	let mailbox: Mailbox;

	beforeAll(async () => {
		mailbox = await startMailbox();
		app = await startApp({
			MONGODB_URI: databaseUri(`lockout_${Date.now()}`),
			SEED_DEMO: 'always',
			LOGIN_THROTTLE: 'on',
			SMTP_URL: mailbox.url,
			// Requests tell their client address, as behind a reverse proxy.
			ADDRESS_HEADER: 'x-forwarded-for'
		});
	});
	afterAll(async () => {
		await app?.stop();
		await mailbox?.close();
	});

	const client = { 'x-forwarded-for': '192.0.2.50' };
	const signIn = (email: string, password: string, address: string) =>
		postForm(app, '/login', { email, password }, { headers: { 'x-forwarded-for': address } });

	it('guesses from one address lock only that address; the owner signs in from elsewhere', async () => {
		const email = 'lena.koehler@netzwerk.example';
		const statuses = [];
		for (let i = 0; i < limitRules.loginPair.points; i++)
			statuses.push((await signIn(email, 'falsch-geraten', '198.51.100.7')).status);
		expect(statuses.at(-1)).toBe(429);
		expect((await signIn(email, demoPassword, '198.51.100.7')).status).toBe(429);
		const owner = await signIn(email, demoPassword, '192.0.2.44');
		expect(owner.status).toBe(303);
		expect(owner.headers.getSetCookie().some((c) => c.startsWith('session='))).toBe(true);
	}, 60_000);

	it('mails a one-time sign-in link ("Anmeldelink per E-Mail"); the answer does not tell whether the address exists', async () => {
		const ask = async (email: string) => {
			const res = await postForm(app, '/login/link', { email }, { headers: client });
			const html = await res.text();
			return { status: res.status, text: html.match(/<p role="status">([^<]*)</)?.[1] };
		};
		const known = await ask('florian.neumann@netzwerk.example');
		const unknown = await ask('niemand@netzwerk.example');
		expect(known.status).toBe(200);
		expect(known.text).toContain('Anmeldelink');
		expect(unknown).toEqual(known);
		expect(mailbox.received.map((m) => m.to)).toEqual(['florian.neumann@netzwerk.example']);

		const token = tokenFrom(mailbox.received[0]!.body, '/login/link');
		// Opening the link (as a mail scanner would) uses nothing up.
		for (let i = 0; i < 2; i++) {
			const page = await fetch(`${app.url}/login/link/${token}`, { headers: client });
			expect(await page.text()).toContain('Jetzt anmelden');
		}
		const used = await postForm(app, `/login/link/${token}`, {}, { headers: client });
		expect(used.status).toBe(303);
		const cookie = used.headers
			.getSetCookie()
			.find((c) => c.startsWith('session='))!
			.split(';')[0]!;
		const settings = await fetch(`${app.url}/settings`, {
			headers: { cookie, ...client },
			redirect: 'manual'
		});
		expect(settings.status).toBe(200);
		const again = await postForm(app, `/login/link/${token}`, {}, { headers: client });
		expect(again.status).toBe(410);
	});
});
