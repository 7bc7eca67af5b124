import { expect, test, type Page } from '@playwright/test';
import { elfExecutable, minimalPdf, picture } from '../support/files';
import { demoPassword, expectAccessible, open, signInNewContext } from './support';

/** The upcoming 3. Transfer-Workshop of the demo: Anna and her supervisor are on its roster. */
async function openWorkshop(page: Page) {
	await open(page, '/workshops');
	await page.getByRole('link', { name: /Agiles Arbeiten in der Verwaltung/ }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Materialien' })).toBeVisible();
}

const materials = (page: Page) => page.getByRole('region', { name: 'Materialien', exact: true });

test('organisers and, once allowed, participants share files and links; axe is clean', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const organiser = await signInNewContext(browser, 'organisation@netzwerk.example');
	await openWorkshop(organiser);
	await materials(organiser)
		.getByLabel('Datei', { exact: true })
		.setInputFiles({ name: 'Programm.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
	await materials(organiser).getByLabel('Titel (optional)').fill('Programm des Tages');
	await materials(organiser).getByRole('button', { name: 'Hochladen' }).click();
	await expect(materials(organiser).getByRole('status')).toHaveText(
		'Das Material wurde hinzugefügt.'
	);
	const row = materials(organiser).getByRole('row').filter({ hasText: 'Programm des Tages' });
	await expect(row).toContainText('PDF');
	await expect(row).toContainText('Ole Organisator');
	await materials(organiser)
		.getByLabel('Auch Teilnehmende dürfen Dateien und Links hinzufügen')
		.check();
	await materials(organiser).getByRole('button', { name: 'Einstellung speichern' }).click();
	await expect(materials(organiser).getByRole('status')).toHaveText(
		'Die Einstellung wurde gespeichert.'
	);
	await expectAccessible(organiser);

	const anna = await signInNewContext(browser, 'anna.schulze@netzwerk.example');
	await openWorkshop(anna);
	const downloading = anna.waitForEvent('download');
	await materials(anna).getByRole('link', { name: 'Programm des Tages' }).click();
	expect((await downloading).suggestedFilename()).toBe('Programm.pdf');
	await materials(anna).getByLabel('Titel', { exact: true }).fill('Kanban-Leitfaden');
	await materials(anna).getByLabel('Adresse (https://…)').fill('http://example.org/kanban');
	await materials(anna).getByRole('button', { name: 'Link hinzufügen' }).click();
	await expect(
		materials(anna).getByText('Bitte eine vollständige Adresse mit https://')
	).toBeVisible();
	await materials(anna).getByLabel('Adresse (https://…)').fill('https://example.org/kanban');
	await materials(anna).getByRole('button', { name: 'Link hinzufügen' }).click();
	await expect(materials(anna).getByRole('link', { name: 'Kanban-Leitfaden' })).toHaveAttribute(
		'href',
		'https://example.org/kanban'
	);
	await expectAccessible(anna);
	// Her own link she may remove; the organiser's file she may not.
	await expect(materials(anna).getByRole('button', { name: /entfernen/ })).toHaveCount(1);
	await materials(anna).getByRole('button', { name: 'Kanban-Leitfaden entfernen' }).click();
	await expect(materials(anna).getByRole('status')).toHaveText('Das Material wurde entfernt.');
	await expect(materials(anna).getByRole('link', { name: 'Kanban-Leitfaden' })).toHaveCount(0);

	// The materials on their own page, where a form without JavaScript lands.
	await open(anna, `${new URL(anna.url()).pathname}/materials`);
	await expect(anna.getByRole('heading', { level: 1, name: /^Materialien: / })).toBeVisible();
	await expectAccessible(anna);
	// The list scrolls inside its own box; nothing of the section sticks out of the page.
	for (const width of [320, 390, 768]) {
		await anna.setViewportSize({ width, height: 800 });
		const section = materials(anna);
		expect(await section.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
			width
		);
		expect(await section.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
	}
});

test('without JavaScript a refused upload shows why and keeps the title', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	// The login form works without JavaScript too (no hydration to wait for).
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill('organisation@netzwerk.example');
	await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await page.goto('/workshops');
	await page.getByRole('link', { name: /Agiles Arbeiten in der Verwaltung/ }).click();
	await materials(page)
		.getByLabel('Datei', { exact: true })
		.setInputFiles({ name: 'Folien.pdf', mimeType: 'application/pdf', buffer: elfExecutable() });
	await materials(page).getByLabel('Titel (optional)').fill('Folien Block 2');
	await materials(page).getByRole('button', { name: 'Hochladen' }).click();
	await expect(page).toHaveURL(/\/materials/);
	await expect(page.getByText('Diese Art von Datei wird nicht angenommen.')).toBeVisible();
	await expect(page.getByLabel('Titel (optional)')).toHaveValue('Folien Block 2');
	await context.close();
});

test('a picture chosen in the forum composer is uploaded and shown in the post', async ({
	browser
}) => {
	const page = await signInNewContext(browser, 'jonas.becker@netzwerk.example');
	await open(page, '/forum/new');
	await page.getByLabel('Titel').fill(`Flipchart vom Workshop ${Date.now()}`);
	await page.getByLabel('Beitrag', { exact: true }).fill('Unser Ergebnis:');
	await page
		.getByLabel('Bild einfügen')
		.setInputFiles({ name: 'Flipchart.png', mimeType: 'image/png', buffer: await picture('png') });
	await expect(page.getByText('Das Bild wurde in den Beitrag eingefügt.')).toBeVisible();
	await expect(page.getByLabel('Beitrag', { exact: true })).toHaveValue(
		/^Unser Ergebnis:\n!\[Flipchart\]\(\/uploads\/[a-f0-9]{24}\)\n$/
	);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Thema erstellen' }).click();
	const image = page.locator('.post-body img[alt="Flipchart"]');
	await expect(image).toBeVisible();
	expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
});
