import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';

describe('security headers and CSRF', () => {
	let app: RunningApp;
	beforeAll(async () => {
		app = await startApp({ MONGODB_URI: databaseUri(`headers_${Date.now()}`), SEED_DEMO: 'never' });
	});
	afterAll(async () => {
		await app?.stop();
	});

	it('sends a strict Content-Security-Policy without inline scripts', async () => {
		const res = await fetch(`${app.url}/login`);
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("object-src 'none'");
		const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
		expect(scriptSrc).not.toContain('unsafe-inline');
		expect(scriptSrc).not.toContain('unsafe-eval');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('refuses cross-origin form posts with 403', async () => {
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email=a%40b.de&password=x'
		});
		expect(res.status).toBe(403);
	});

	it('never answers with a wildcard CORS header', async () => {
		const res = await fetch(`${app.url}/socket.io/?EIO=4&transport=polling`, {
			headers: { origin: 'https://evil.example' }
		});
		expect(res.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('rejects login input with operators or wrong types without touching the database', async () => {
		const res = await fetch(`${app.url}/login`, {
			method: 'POST',
			headers: {
				origin: app.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'email[$gt]=&password[$ne]=x'
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Bitte ausfüllen.');
	});
});
