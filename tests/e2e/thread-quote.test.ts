import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectAccessible, signInNewContext, signInWithoutScripts } from './support';

// A thread no other browser test moves or locks (forum.test.ts does both to the Stabsstelle one).
const threadTitle = 'Wie holt ihr die Fachämter ins Boot?';
/** Where the screenshots for review go; kept between runs, unlike test-results. */
const shots = 'playwright-report/chat-app';

async function openThread(page: Page) {
	await page.goto('/forum/c/verankerung-verwaltung');
	await page.getByRole('link', { name: threadTitle }).click();
	await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
}

test('quoting a selection keeps its list and links back; the thread is accessible at 390 and 1280 px', async ({
	browser
}) => {
	const jonas = await signInNewContext(browser, 'jonas.becker@netzwerk.example');
	await openThread(jonas);
	await expect(jonas.locator('html')).toHaveAttribute('data-hydrated', 'true');
	const box = jonas.getByLabel('Beitrag', { exact: true });
	const marker = `Drei Schritte ${Date.now()}`;
	await box.fill(`${marker}:\n\n- erster Punkt\n- zweiter Punkt\n- dritter Punkt`);
	await jonas.getByRole('button', { name: 'Antworten' }).click();
	const post = jonas.locator('article.post', { hasText: marker });
	await expect(post.locator('.post-body li')).toHaveCount(3);
	// Authors are links to their profiles, with an avatar and a relative time.
	await expect(post.getByRole('link', { name: 'Jonas Becker' })).toHaveAttribute(
		'href',
		'/members/jonas.becker'
	);
	await expect(post.locator('time[datetime][title]')).toContainText(/vor|gerade|jetzt/);

	// Select the second and third item, as a reader dragging over them would.
	await post.evaluate((article) => {
		const items = article.querySelectorAll('.post-body li');
		const range = document.createRange();
		range.setStart(items[1]!.firstChild!, 0);
		range.setEnd(items[2]!.firstChild!, items[2]!.textContent!.length);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	});
	await post.getByRole('link', { name: 'Zitieren' }).click();
	await expect(box).toHaveValue(
		/^> \[Jonas Becker in Beitrag #(\d+)\]\(\/forum\/t\/[0-9a-f]{24}\?from=\d+#post-\1\):\n>\n> - zweiter Punkt\n> - dritter Punkt\n\n$/
	);
	await expect(box).toBeFocused();
	await box.press('End');
	await box.pressSequentially('Dem stimme ich zu.');
	await jonas.getByRole('button', { name: 'Antworten' }).click();
	const reply = jonas.locator('article.post', { hasText: 'Dem stimme ich zu.' });
	await expect(reply.locator('blockquote li')).toHaveText(['zweiter Punkt', 'dritter Punkt']);
	await expect(reply.locator('blockquote a')).toHaveAttribute('href', /#post-\d+$/);

	mkdirSync(shots, { recursive: true });
	for (const [width, height] of [
		[390, 844],
		[1280, 800]
	] as const) {
		await jonas.setViewportSize({ width, height });
		await expectAccessible(jonas);
		await reply.scrollIntoViewIfNeeded();
		await jonas.screenshot({ path: `${shots}/thread-${width}.png` });
	}
	await jonas.context().close();
});

test('without JavaScript a quote link fills the reply box and the preview is rendered by the server', async ({
	browser
}) => {
	const page = await signInWithoutScripts(browser, 'jonas.becker@netzwerk.example');
	await openThread(page);
	await page.locator('article.post').first().getByRole('link', { name: 'Zitieren' }).click();
	const box = page.getByLabel('Beitrag', { exact: true });
	await expect(box).toHaveValue(
		/^> \[.+ in Beitrag #1\]\(\/forum\/t\/[0-9a-f]{24}\?from=1#post-1\):\n>\n> /
	);
	await box.fill('- eins\n- **zwei**');
	await page.getByRole('button', { name: 'Vorschau' }).click();
	await expect(page.locator('.preview strong')).toHaveText('zwei');
	await expect(box).toHaveValue('- eins\n- **zwei**');
	await page.context().close();
});
