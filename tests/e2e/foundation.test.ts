import { expect, test } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';

const alumna = 'anna.schulze@netzwerk.example';

test('the start page speaks German and shows the demo network after login', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Willkommen im Netzwerk' })
	).toBeVisible();
	await signIn(page, alumna);
	const cohorts = page.getByRole('region', { name: 'Durchgänge' });
	await expect(cohorts.getByText('Durchgang 1 Brandenburg')).toBeVisible();
	await expect(cohorts.getByText('Bundesweiter Pilotdurchgang 2024')).toBeVisible();
	// The dashboard: new forum threads and the member's channels with unread counts.
	await expect(page.getByRole('heading', { name: 'Neu im Forum' })).toBeVisible();
	const channels = page.getByRole('region', { name: 'Meine Kanäle' });
	await expect(channels.getByRole('link', { name: 'Durchgang 1 Brandenburg' })).toHaveAttribute(
		'href',
		'/chat/durchgang-1-brandenburg'
	);
	await expectAccessible(page);
});

test('a signed-in page opens a Socket.IO connection with its session; without one the server refuses', async ({
	page,
	browser
}) => {
	await signIn(page, alumna);
	await expect(page.locator('main')).toHaveAttribute('data-realtime', 'connected');

	// A visitor without a session speaks the Socket.IO protocol by hand and is refused.
	const visitor = await browser.newPage();
	await open(visitor, '/');
	const answer = await visitor.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const ws = new WebSocket(
					`${location.origin.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`
				);
				ws.onmessage = (event) => {
					const data = String(event.data);
					if (data.startsWith('0'))
						ws.send('40'); // Engine.IO open -> Socket.IO connect
					else if (data.startsWith('44') || data.startsWith('40')) resolve(data);
				};
				ws.onerror = () => resolve('error');
			})
	);
	expect(answer).toBe('44{"message":"unauthorized"}');
	await visitor.close();
});

test('health probes answer', async ({ request }) => {
	expect((await request.get('/healthz')).status()).toBe(200);
	const ready = await request.get('/readyz');
	expect(ready.status()).toBe(200);
	expect(await ready.json()).toEqual({ status: 'ready' });
});
