import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const demoPassword = 'Netzwerk-Demo-2024';

/** Navigates and waits until Svelte has hydrated the page, so typing is not lost. */
export async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** Signs in through the login form and waits until the login page is left. */
export async function signIn(page: Page, email: string, password = demoPassword) {
	await open(page, '/login');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/** A fresh browser context (its own cookies) signed in as the given member. */
export async function signInNewContext(
	browser: Browser,
	email: string,
	password = demoPassword
): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email, password);
	return page;
}

/** WCAG 2.1 A and AA checks of axe on the current page. */
export async function expectAccessible(page: Page) {
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations).toEqual([]);
}
