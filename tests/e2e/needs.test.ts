import { expect, test, type Page } from '@playwright/test';
import { voteTotalMarkers } from '../support/vote';
import { expectAccessible, open, signInNewContext, watchConsole } from './support';

/** The needs page of the upcoming 3. Transfer-Workshop (Anna and Petra are on its roster). */
async function openNeeds(page: Page) {
	await open(page, '/workshops');
	await page.getByRole('link', { name: /Agiles Arbeiten in der Verwaltung/ }).click();
	await page.getByRole('link', { name: 'Bedarfe und Punktabfrage' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Bedarfe: / })).toBeVisible();
}

/**
 * The page's content fits phones up to laptops without scrolling sideways; wide tables scroll in
 * their own box. (The header's account buttons overflow at 320 px on their own: the layout's
 * matter, not this page's.)
 */
async function expectNoOverflow(page: Page) {
	for (const width of [320, 390, 768, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		const box = await page.locator('main').evaluate((el) => ({
			right: el.getBoundingClientRect().right,
			overflow: el.scrollWidth - el.clientWidth
		}));
		expect(box.right, `${width} px: beyond the screen`).toBeLessThanOrEqual(width);
		expect(box.overflow, `${width} px: scrolls sideways`).toBeLessThanOrEqual(0);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Everything the server sends the page from now on: every page, data request and form answer,
 * and every socket message (the app's own code and styles, the same for everyone, aside).
 */
function recordTraffic(page: Page) {
	const bodies: Promise<string>[] = [];
	page.on('response', (response) => {
		if (['document', 'fetch', 'xhr'].includes(response.request().resourceType()))
			bodies.push(response.text().catch(() => ''));
	});
	page.on('websocket', (socket) =>
		socket.on('framereceived', (frame) => bodies.push(Promise.resolve(String(frame.payload))))
	);
	return {
		/** What arrived so far, as one text; recording goes on. */
		received: async () => (await Promise.all(bodies)).join('\n'),
		count: () => bodies.length
	};
}

test('need cards are written, voted on by keyboard and ranked; axe is clean', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const organiser = await signInNewContext(browser, 'organisation@netzwerk.example');
	const problems = watchConsole(organiser);
	await openNeeds(organiser);
	for (const [title, topic] of [
		['Glasfaser für Verwaltungsstandorte', 'Digitalisierung'],
		['Personal für agile Projekte', 'Personal']
	] as const) {
		await organiser.getByRole('link', { name: 'Bedarf anlegen' }).click();
		await organiser.getByLabel('Titel').fill(title);
		await organiser.getByLabel('Beschreibung (Markdown)').fill(`Mehr zu **${topic}**`);
		await organiser.getByLabel('Handlungsfeld').fill(topic);
		await expectAccessible(organiser);
		await organiser.getByRole('button', { name: 'Bedarf anlegen' }).click();
		await expect(organiser.getByRole('heading', { level: 3, name: title })).toBeVisible();
	}
	await organiser.getByLabel('Punkte pro Person').fill('3');
	await organiser.getByLabel('Höchstens pro Bedarf').fill('2');
	const organiserTraffic = recordTraffic(organiser);
	await organiser.getByRole('button', { name: 'Punktabfrage öffnen' }).click();
	await expect(organiser.getByText(/^0 von \d+ haben abgestimmt$/)).toBeVisible();
	await expectAccessible(organiser);

	const anna = await signInNewContext(browser, 'anna.schulze@netzwerk.example');
	problems.push(...watchConsole(anna));
	const annaTraffic = recordTraffic(anna);
	await openNeeds(anna);
	const plus = anna.getByRole('button', {
		name: 'Einen Punkt auf „Glasfaser für Verwaltungsstandorte“ geben'
	});
	await plus.focus();
	await anna.keyboard.press('Enter');
	await expect(
		anna.getByRole('status').filter({ hasText: 'Sie haben noch 2 Punkte.' })
	).toHaveCount(1);
	await plus.focus();
	await anna.keyboard.press('Space');
	await expect(anna.getByText('2 Punkte von Ihnen')).toBeVisible();
	// The maximum per card is reached: the button says so by being disabled.
	await expect(plus).toBeDisabled();
	await expectAccessible(anna);
	await expectNoOverflow(anna);

	await organiser.reload();
	await expect(organiser.getByText(/^1 von \d+ haben abgestimmt$/)).toBeVisible();
	// While the vote was open no page, data request, form answer or socket message held a total.
	for (const traffic of [organiserTraffic, annaTraffic]) {
		expect(traffic.count()).toBeGreaterThan(3);
		const received = await traffic.received();
		for (const marker of voteTotalMarkers) expect(received).not.toContain(marker);
	}
	await organiser.getByRole('button', { name: 'Punktabfrage schließen' }).click();
	const ranking = organiser.getByRole('table', { name: /Rangfolge der Bedarfe/ });
	await expect(ranking.getByRole('row').nth(1)).toContainText('Glasfaser für Verwaltungsstandorte');
	await expect(ranking.getByRole('row').nth(1)).toContainText('2');
	// Once closed the totals do arrive: the check above looks where they would be.
	expect(await organiserTraffic.received()).toContain('data-ranking');
	await expectAccessible(organiser);

	// The register: filtered by query, status changed inline.
	await organiser
		.getByRole('navigation', { name: /Haupt/ })
		.getByRole('link', { name: 'Bedarfe' })
		.click();
	await expect(organiser.getByRole('heading', { level: 1, name: 'Bedarfsregister' })).toBeVisible();
	await organiser.getByLabel('Handlungsfeld').selectOption('Personal');
	await organiser.getByRole('button', { name: 'Filtern' }).click();
	await expect(organiser).toHaveURL(/topic=Personal/);
	const row = organiser.getByRole('row').filter({ hasText: 'Personal für agile Projekte' });
	await row.getByLabel(/Status von/).selectOption('in-progress');
	await row.getByRole('button', { name: 'Status ändern' }).click();
	await organiser.getByLabel('Status', { exact: true }).selectOption('in-progress');
	await organiser.getByRole('button', { name: 'Filtern' }).click();
	await expect(organiser.getByRole('status').filter({ hasText: 'Bedarf' })).toHaveText('1 Bedarf');
	await expectAccessible(organiser);
	await expectNoOverflow(organiser);
	expect(problems).toEqual([]);
});
