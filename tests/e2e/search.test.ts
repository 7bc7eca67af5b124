import { expect, test } from '@playwright/test';
import { demoPassword, expectAccessible, signInNewContext } from './support';

test('one search finds a chat message, a member and a category', async ({ browser }) => {
	const page = await signInNewContext(browser, 'jonas.becker@netzwerk.example');
	await page.goto('/search');
	await page.getByLabel('Suchbegriffe').fill('Datenstrategie');
	await page.getByRole('button', { name: 'Suchen' }).click();
	const messages = page.getByRole('region', { name: /Chat-Nachrichten/ });
	await expect(messages.locator('mark').first()).toHaveText('Datenstrategie');
	await expect(messages.getByRole('link', { name: 'Anna Schulze' })).toHaveAttribute(
		'href',
		/^\/chat\/durchgang-1[a-z-]*#m\d+$/
	);
	await expectAccessible(page);

	await page.goto('/search?q=Schulze');
	const members = page.getByRole('region', { name: /Mitglieder/ });
	await members.getByRole('link', { name: 'Anna Schulze' }).click();
	await expect(page).toHaveURL(/\/members\/anna\.schulze$/);

	await page.goto('/search?q=Datensouver');
	const categories = page.getByRole('region', { name: /Kategorien/ });
	await expect(categories.getByRole('link', { name: 'Datensouveränität' })).toHaveAttribute(
		'href',
		'/forum/c/datensouveraenitaet'
	);
	await expectAccessible(page);
});

test('the filters narrow the search to one kind and page by link, without JavaScript', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill('jonas.becker@netzwerk.example');
	await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	await page.goto('/search?q=Lemgo');
	await page.getByLabel('Art').selectOption('messages');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page).toHaveURL(/kind=messages/);
	await expect(page.getByRole('region', { name: /Chat-Nachrichten/ })).toContainText(
		'Hallo aus Lemgo'
	);
	await expect(page.getByRole('region', { name: /Mitglieder/ })).toHaveCount(0);
	await context.close();
});
