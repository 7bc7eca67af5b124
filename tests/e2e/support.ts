import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';

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

/** A fresh context without JavaScript, signed in through the plain login form. */
export async function signInWithoutScripts(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	return page;
}

/** WCAG 2.1 A and AA checks of axe on the current page. */
export async function expectAccessible(page: Page) {
	const axe = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(axe.violations).toEqual([]);
}

/** Any console error or warning of the page, collected for a final `toEqual([])`. */
export function watchConsole(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning')
			problems.push(`${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
	return problems;
}

export interface ReceivedMail {
	/** When the SMTP server took it (milliseconds since 1970). */
	receivedAt: number;
	to: string;
	subject: string;
	text: string;
}

/**
 * Every mail the loopback SMTP server of global-setup.ts has received, oldest first, read as a
 * mail program does (MIME decoded with postal-mime).
 */
export async function receivedMails(): Promise<ReceivedMail[]> {
	const dir = process.env.E2E_MAIL_DIR!;
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.map((file) => {
			const [receivedAt, count] = file.split(/[-.]/).map(Number) as [number, number];
			return { file, receivedAt, count };
		})
		.sort((a, b) => a.receivedAt - b.receivedAt || a.count - b.count);
	return Promise.all(
		files.map(async ({ file, receivedAt }) => {
			const raw = readFileSync(path.join(dir, file), 'utf8');
			const mail = await PostalMime.parse(raw);
			const to = raw.slice(0, raw.indexOf('\r\n')).replace('X-Envelope-To: ', '');
			return { receivedAt, to, subject: mail.subject ?? '', text: mail.text ?? '' };
		})
	);
}
