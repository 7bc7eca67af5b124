import { expect, test } from '@playwright/test';
import { expectAccessible, open, signInNewContext, watchConsole } from './support';

const secondWorkshop = /Die Rolle der Smart-City-Manager:innen in der Verwaltung/;

test('the summary goes to the forum linked both ways; a follow-up draft turns confidential; axe is clean', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const organiser = await signInNewContext(browser, 'organisation@netzwerk.example');
	const problems = watchConsole(organiser);
	await open(organiser, '/workshops');
	await organiser.getByRole('link', { name: secondWorkshop }).first().click();
	await organiser.getByRole('link', { name: 'Zusammenfassung', exact: true }).click();
	await expect(
		organiser.getByRole('heading', { level: 1, name: /^Zusammenfassung: 2\. Transfer-Workshop/ })
	).toBeVisible();
	await expectAccessible(organiser);

	const downloading = organiser.waitForEvent('download');
	await organiser.getByRole('link', { name: 'Als PDF herunterladen' }).click();
	expect((await downloading).suggestedFilename()).toMatch(
		/^Zusammenfassung. 2\. Transfer-Workshop.*\.pdf$/
	);

	// Demo data may already carry a published summary: then the same action updates it.
	await organiser
		.getByRole('button', { name: /^Zusammenfassung im Forum (veröffentlichen|aktualisieren)$/ })
		.click();
	await expect(
		organiser.getByRole('status').filter({ hasText: /^Die Zusammenfassung/ })
	).toBeVisible();
	await organiser.getByRole('link', { name: 'Zusammenfassung im Forum' }).click();
	const back = organiser.getByRole('link', { name: 'Aus dem 2. Transfer-Workshop' });
	await expect(back).toBeVisible();
	await expect(organiser.getByRole('heading', { level: 2, name: 'Beschlüsse' })).toBeVisible();
	await expectAccessible(organiser);
	await back.click();
	await expect(organiser.getByRole('heading', { level: 1, name: secondWorkshop })).toBeVisible();

	await organiser.getByRole('link', { name: 'Zusammenfassung', exact: true }).click();
	await organiser.getByRole('button', { name: 'Folge-Workshop anlegen' }).click();
	await expect(organiser).toHaveURL(/\/workshops\/[0-9a-f]{24}\/edit$/);
	await expect(organiser.getByLabel('Titel', { exact: true })).toHaveValue(
		'Die Rolle der Smart-City-Manager:innen in der Verwaltung'
	);
	await expectAccessible(organiser);
	await organiser.getByRole('checkbox', { name: /Außerhalb der Live-Ansicht/ }).check();
	await organiser.getByRole('button', { name: 'Speichern' }).click();
	await expect(
		organiser.getByRole('heading', { level: 1, name: /^3\. Transfer-Workshop: Die Rolle/ })
	).toBeVisible();
	await expect(
		organiser.getByRole('status').filter({ hasText: 'Vertraulich nach Chatham House' })
	).toBeVisible();
	await expectAccessible(organiser);
	expect(problems).toEqual([]);
});

test('without JavaScript the agenda item form sets the confidential flag', async ({ browser }) => {
	const organiser = await signInNewContext(browser, 'organisation@netzwerk.example');
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await organiser.context().storageState()
	});
	const page = await context.newPage();
	await page.goto('/workshops');
	await page
		.getByRole('link', { name: /Agiles Arbeiten in der Verwaltung/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Programm bearbeiten' }).click();
	await page.getByLabel('Titel', { exact: true }).fill('Vertrauliche Runde');
	await page.getByLabel('Vertraulich (Chatham House)', { exact: true }).check();
	await page.getByRole('button', { name: 'Hinzufügen' }).click();
	const item = page.getByRole('listitem').filter({ hasText: 'Vertrauliche Runde' });
	await expect(item.getByRole('checkbox', { name: /^vertraulich/ })).toBeChecked();
	await expect(item.getByRole('checkbox', { name: /^Kommune nennen/ })).not.toBeChecked();
	const workshopPage = page.url().replace(/\/agenda.*$/, '');
	await page.goto(workshopPage);
	await expect(page.getByRole('status').filter({ hasText: 'Vertrauliche Runde' })).toBeVisible();
	// axe runs scripts: the banner is checked on the same page with JavaScript.
	await open(organiser, new URL(workshopPage).pathname);
	await expectAccessible(organiser);
});
