import { expect, test } from '@playwright/test';
import { expectAccessible, open, signInNewContext, watchConsole } from './support';

test('an organiser staffs a cohort from its page and reads the log of their own actions', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const organiser = await signInNewContext(browser, 'organisation@netzwerk.example');
	const problems = watchConsole(organiser);
	await open(organiser, '/admin/cohorts');
	// A new cohort is a Brandenburg one unless chosen otherwise.
	await expect(organiser.getByLabel('Programm')).toHaveValue('brandenburg');
	await organiser.getByLabel('Name', { exact: true }).fill('Durchgang 9 Brandenburg');
	await organiser.getByLabel('Beginn').fill('2026-09-01');
	await organiser.getByLabel('Ende').fill('2027-03-31');
	await organiser.getByRole('button', { name: 'Durchgang anlegen' }).click();
	const row = organiser.getByRole('row').filter({ hasText: 'Durchgang 9 Brandenburg' });
	// Dates as a German reader writes them.
	await expect(row).toContainText('01.09.2026');
	await expect(row).toContainText('31.03.2027');

	await row.getByRole('link', { name: 'Durchgang 9 Brandenburg' }).click();
	await expect(organiser.getByRole('heading', { level: 2, name: 'Mitglieder (0)' })).toBeVisible();
	await organiser.getByRole('searchbox', { name: 'Name' }).fill('schul');
	await organiser.getByRole('button', { name: 'Suchen' }).click();
	await organiser.getByRole('button', { name: 'Anna Schulze in den Durchgang aufnehmen' }).click();
	await expect(organiser.getByRole('status').filter({ hasText: 'gehört' })).toContainText(
		'Anna Schulze gehört jetzt zum Durchgang.'
	);
	const roster = organiser.getByRole('region', { name: 'Tabelle: Mitglieder (1)' });
	await expect(roster.getByRole('row').nth(1)).toContainText('Anna Schulze');
	await expectAccessible(organiser);
	await organiser.setViewportSize({ width: 390, height: 844 });
	await expectAccessible(organiser);
	await organiser.setViewportSize({ width: 1280, height: 800 });

	// Anna has the new cohort's channel at once.
	const anna = await signInNewContext(browser, 'anna.schulze@netzwerk.example');
	await open(anna, '/chat');
	await expect(anna.getByRole('link', { name: /Durchgang 9 Brandenburg/ })).toBeVisible();

	// Without JavaScript the same page takes her out again.
	const plain = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await organiser.context().storageState()
	});
	const plainPage = await plain.newPage();
	await plainPage.goto(organiser.url());
	await plainPage.getByRole('button', { name: 'Anna Schulze aus dem Durchgang entfernen' }).click();
	await expect(plainPage.getByRole('status').filter({ hasText: 'gehört' })).toContainText(
		'Anna Schulze gehört nicht mehr zum Durchgang.'
	);
	await expect(plainPage.getByRole('heading', { level: 2, name: 'Mitglieder (0)' })).toBeVisible();
	await plain.close();

	await open(organiser, '/admin/audit');
	await expect(organiser.getByRole('heading', { level: 1, name: 'Meine Aktionen' })).toBeVisible();
	const log = organiser.getByRole('table');
	await expect(log.getByRole('row').nth(1)).toContainText('Mitglied aus Durchgang genommen');
	await expect(log.getByRole('row').nth(2)).toContainText('Mitglied in Durchgang aufgenommen');
	// Only their own entries: every row names the organiser as the one who acted.
	const rows = await log.getByRole('row').count();
	for (let i = 1; i < rows; i++)
		await expect(log.getByRole('row').nth(i)).toContainText('Ole Organisator');
	await expectAccessible(organiser);
	expect(problems).toEqual([]);
});
