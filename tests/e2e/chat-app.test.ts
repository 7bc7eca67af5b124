import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import {
	expectAccessible,
	open,
	signInNewContext,
	signInWithoutScripts,
	watchConsole
} from './support';

/** Where the screenshots for review go (at 390 and 1280 px); kept between runs, unlike test-results. */
const shots = 'playwright-report/chat-app';

async function member(browser: Browser, email: string): Promise<Page> {
	const page = await signInNewContext(browser, email);
	await expect(page.locator('main')).toHaveAttribute('data-realtime', 'connected');
	return page;
}

/** The address of the first cohort's channel, as the channel list links it. */
async function cohortChannel(page: Page): Promise<string> {
	await open(page, '/chat');
	const href = await page
		.getByRole('link', { name: /Durchgang 1 Brandenburg/ })
		.getAttribute('href');
	return href!;
}

const focusedItem = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			tag: el?.tagName ?? '',
			seq: el?.dataset.seq ?? null,
			text: el?.textContent?.trim() ?? ''
		};
	});

test('keyboard only: opening a channel focuses the composer, a message and its actions are two keys away', async ({
	browser
}) => {
	const jonas = await member(browser, 'jonas.becker@netzwerk.example');
	await open(jonas, await cohortChannel(jonas));
	await jonas.getByLabel(/^Nachricht an Durchgang 1/).fill('@anna.schulze schauen Sie bitte mal?');
	await jonas.getByLabel(/^Nachricht an Durchgang 1/).press('Enter');
	await expect(jonas.getByTestId('timeline').getByText('schauen Sie bitte mal?')).toBeVisible();

	const anna = await member(browser, 'anna.schulze@netzwerk.example');
	const problems = watchConsole(anna);
	await open(anna, '/chat');
	const channelLink = anna.getByRole('link', { name: /Durchgang 1 Brandenburg/ });
	await channelLink.focus();
	await anna.keyboard.press('Enter');
	const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
	await expect(composer).toBeFocused();

	// The mention of Anna stands out, for the eye and for screen readers.
	const mention = anna.locator('article.mention');
	await expect(mention).toContainText('schauen Sie bitte mal?');
	await expect(mention).toContainText('Erwähnt Sie');
	await expect(anna.locator('article.mention')).toHaveCount(1);

	// Key 1: back from the composer onto the list, which is one tab stop (the newest message).
	await anna.keyboard.press('Shift+Tab');
	const newest = await focusedItem(anna);
	expect(newest.tag).toBe('LI');
	expect(newest.text).toContain('schauen Sie bitte mal?');
	// Key 2: into the message's actions.
	await anna.keyboard.press('Enter');
	const item = anna.locator(`li[data-seq="${newest.seq}"]`);
	await expect(item.getByRole('button', { name: 'Antworten' })).toBeFocused();
	await anna.keyboard.press('ArrowRight');
	await expect(item.getByRole('button', { name: 'Reaktion hinzufügen' })).toBeFocused();
	// Escape returns to the message; arrows move between messages, not through every button.
	await anna.keyboard.press('Escape');
	expect((await focusedItem(anna)).seq).toBe(newest.seq);
	await anna.keyboard.press('ArrowUp');
	const previous = await focusedItem(anna);
	expect(previous.tag).toBe('LI');
	expect(Number(previous.seq)).toBeLessThan(Number(newest.seq));
	// Tab leaves the list in one step, straight to the composer.
	await anna.keyboard.press('Tab');
	await expect(composer).toBeFocused();
	// Replying by keyboard: Shift+Tab, Enter, Enter.
	await anna.keyboard.press('Shift+Tab');
	await anna.keyboard.press('Enter');
	await anna.keyboard.press('Enter');
	await expect(anna.getByText(/^Antwort an /)).toBeVisible();
	await expect(composer).toBeFocused();
	// The open channel's own link leads back to writing in it.
	await anna.keyboard.press('Shift+Tab');
	await expect(composer).not.toBeFocused();
	await anna.getByRole('link', { name: /Durchgang 1 Brandenburg/ }).click();
	await expect(composer).toBeFocused();
	expect(problems).toEqual([]);
	await anna.context().close();
	await jonas.context().close();
});

test('the chat fills the window at 390 and 1280 px: only the timeline scrolls; axe is clean', async ({
	browser
}) => {
	mkdirSync(shots, { recursive: true });
	const anna = await member(browser, 'anna.schulze@netzwerk.example');
	const channel = await cohortChannel(anna);
	for (const [width, height] of [
		[390, 844],
		[1280, 800]
	] as const) {
		await anna.setViewportSize({ width, height });
		await open(anna, channel);
		const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
		await expect(composer).toBeFocused();
		const layout = await anna.evaluate(() => {
			const timeline = document.querySelector('[data-testid="timeline"]')!;
			const send = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === 'Senden'
			)!;
			return {
				pageHeight: document.documentElement.scrollHeight,
				pageWidth: document.documentElement.scrollWidth,
				sendBottom: send.getBoundingClientRect().bottom,
				timelineScrolls: getComputedStyle(timeline).overflowY
			};
		});
		expect(layout.pageHeight).toBeLessThanOrEqual(height);
		expect(layout.pageWidth).toBeLessThanOrEqual(width);
		expect(layout.sendBottom).toBeLessThanOrEqual(height);
		expect(layout.timelineScrolls).toBe('auto');
		await expect(anna.getByRole('button', { name: 'Menü' })).toBeVisible({ visible: width < 768 });
		await expectAccessible(anna);
		await anna.screenshot({ path: `${shots}/chat-${width}.png` });
	}
	await anna.context().close();
});

test('without JavaScript the chat renders, the unread jump is a link and no dead buttons show', async ({
	browser
}) => {
	const page = await signInWithoutScripts(browser, 'jonas.becker@netzwerk.example');
	await page.goto('/chat');
	await page.getByRole('link', { name: /Durchgang 1 Brandenburg/ }).click();
	await expect(page.getByTestId('timeline').getByText('Datenkatalog')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Antworten' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /ungelesenen/ })).toHaveCount(0);
	await page.getByLabel(/^Nachricht an Durchgang 1/).fill('Ohne Skript gesendet');
	await page.getByRole('button', { name: 'Senden' }).click();
	await expect(page.getByTestId('timeline').getByText('Ohne Skript gesendet')).toBeVisible();
	await page.context().close();
});
