import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, open, signInNewContext, watchConsole } from './support';

async function startThread(page: Page, title: string, body: string) {
	await page.goto('/forum/new');
	await page.getByLabel('Kategorie').selectOption({ label: 'Strategie' });
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beitrag', { exact: true }).fill(body);
	await page.getByRole('button', { name: 'Thema erstellen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a moderator merges a thread into one found by its title, also without JavaScript', async ({
	browser
}) => {
	const signedIn = await signInNewContext(browser, 'moderation@netzwerk.example');
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await signedIn.context().storageState()
	});
	const moderator = await context.newPage();
	const problems = watchConsole(moderator);
	const run = Date.now().toString(36);
	await startThread(moderator, `Open-Data-Portal Ziel ${run}`, 'Der Beitrag im Ziel.');
	await startThread(moderator, `Doppelt: Open-Data-Portal ${run}`, 'Der Beitrag, der umzieht.');

	await moderator.getByLabel('Titel des Zielthemas').fill(`portal ziel ${run}`);
	await moderator.getByRole('button', { name: 'Themen suchen' }).click();
	const targets = moderator.getByRole('group', { name: /Themen mit „portal ziel/ });
	// The thread itself is never offered; the one found is chosen already.
	await expect(targets.getByRole('radio')).toHaveCount(1);
	await expect(
		targets.getByRole('radio', { name: new RegExp(`^Open-Data-Portal Ziel ${run} \\(Strategie`) })
	).toBeChecked();
	// The same page with JavaScript, found threads listed, passes axe.
	await open(signedIn, moderator.url());
	await expectAccessible(signedIn);
	await signedIn.context().close();
	await moderator.getByRole('button', { name: 'Zusammenführen' }).click();

	await expect(
		moderator.getByRole('heading', { level: 1, name: `Open-Data-Portal Ziel ${run}` })
	).toBeVisible();
	await expect(moderator.getByText('Der Beitrag, der umzieht.')).toBeVisible();

	// A title nothing matches says so.
	await moderator.getByLabel('Titel des Zielthemas').fill(`gibt es nicht ${run}`);
	await moderator.getByRole('button', { name: 'Themen suchen' }).click();
	await expect(
		moderator.getByRole('status').filter({ hasText: 'Kein anderes Thema' })
	).toBeVisible();
	await context.close();
	expect(problems).toEqual([]);
});
