import { expect, type Page } from '@playwright/test';

export const demoPassword = 'Netzwerk-Demo-2024';

/** Navigates and waits until Svelte has hydrated the page, so typing is not lost. */
export async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}

/** Signs in through the login form and waits for the start page. */
export async function signIn(page: Page, email: string, password = demoPassword) {
	await open(page, '/login');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort').fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}
