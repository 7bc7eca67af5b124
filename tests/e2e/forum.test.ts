import { expectAccessible, signInNewContext } from './support';
import { expect, test, type Browser, type Page } from '@playwright/test';

const threadTitle = 'Stabsstelle beim Bürgermeister oder eigenes Sachgebiet?';

const signIn = (browser: Browser, email: string) => signInNewContext(browser, email);

async function openThread(page: Page) {
	await page.goto('/forum/c/organisatorische-aufstellung');
	await page.getByRole('link', { name: threadTitle }).click();
	await expect(page.getByRole('heading', { level: 1, name: threadTitle })).toBeVisible();
	// Joined the live room: replies from now on arrive without reload.
	await expect(page.locator('section[data-live="true"]')).toBeAttached({ timeout: 20_000 });
}

test('a reply appears live for a watching member, who is notified; moderation is audited', async ({
	browser
}) => {
	// Anna started the thread, so she watches it.
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	await openThread(anna);
	await expectAccessible(anna);

	const jonas = await signIn(browser, 'jonas.becker@netzwerk.example');
	await openThread(jonas);
	const text = `Live-Antwort aus Bernau ${Date.now()}`;
	await jonas.getByLabel('Beitrag', { exact: true }).fill(text);
	await jonas.getByRole('button', { name: 'Antworten' }).click();
	await expect(jonas.getByText(text)).toBeVisible();
	// The reply box is emptied once the reply is posted, so it is not sent twice.
	await expect(jonas.getByLabel('Beitrag', { exact: true })).toHaveValue('');

	await expect(anna.getByText(text)).toBeVisible({ timeout: 20_000 });
	await expect(anna.getByTestId('live-notification')).toContainText(
		`Neue Benachrichtigung: Jonas Becker hat in „${threadTitle}“ geantwortet`,
		{ timeout: 20_000 }
	);

	const moderator = await signIn(browser, 'moderation@netzwerk.example');
	await openThread(moderator);
	await expectAccessible(moderator);
	await moderator.getByLabel('Verschieben nach').selectOption({ label: 'Strategie' });
	await moderator.getByRole('button', { name: 'Verschieben', exact: true }).click();
	await expect(moderator.getByRole('navigation', { name: 'Forum' })).toContainText('Strategie');
	await moderator.getByRole('button', { name: 'Sperren', exact: true }).click();
	await expect(moderator.getByTestId('locked-badge')).toBeVisible();
	// Anna sees the lock without reloading.
	await expect(anna.getByTestId('locked-badge')).toBeVisible({ timeout: 20_000 });

	await moderator.goto('/moderation/audit');
	await expectAccessible(moderator);
	const log = moderator.getByRole('table');
	await expect(log.getByRole('row').filter({ hasText: 'Thema verschoben' })).toContainText(
		'Organisatorische Aufstellung der Rolle → Strategie'
	);
	await expect(log.getByRole('row').filter({ hasText: 'Thema gesperrt' })).toContainText(
		threadTitle
	);

	// A reply to the locked thread is refused for members: the form is gone.
	await jonas.reload();
	await expect(jonas.getByTestId('locked-notice')).toBeVisible();
});

test('the forum index and a category page pass axe', async ({ browser }) => {
	const page = await signIn(browser, 'jonas.becker@netzwerk.example');
	await page.goto('/forum');
	await expect(page.getByRole('heading', { level: 1, name: 'Forum' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/search?q=Stabsstelle');
	await expect(page.locator('mark').first()).toContainText('Stabsstelle');
	await expectAccessible(page);
	await page.goto('/forum');
	await page.getByRole('link', { name: 'Datensouveränität' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Datensouveränität' })).toBeVisible();
	await expectAccessible(page);
});

test('a supervisor sees only the categories opened to supervisors', async ({ browser }) => {
	const page = await signIn(browser, 'petra.lange@netzwerk.example');
	await page.goto('/forum');
	const categories = page.getByRole('region', { name: 'Kategorien' }).getByRole('heading', {
		level: 3
	});
	await expect(categories).toHaveText(['Transfer mit Fachvorgesetzten']);
	const response = await page.goto('/forum/c/datensouveraenitaet');
	expect(response?.status()).toBe(404);
});

test('a reaction is given and taken back with the buttons of one form per post', async ({
	browser
}) => {
	const page = await signIn(browser, 'stefan.braun@netzwerk.example');
	await page.goto('/forum/c/agiles-arbeiten');
	await page.getByRole('link', { name: 'Kanban-Board im Rathaus – Erfahrungen?' }).click();
	// Hydrated and joined the live room: the buttons submit through the enhanced form.
	await expect(page.locator('section[data-live="true"]')).toBeAttached({ timeout: 20_000 });
	const firstPost = page.locator('article.post').first();
	const like = firstPost.getByRole('button', { name: /^Reaktion „Gefällt mir“/ });
	const before = Number(/: (\d+)$/.exec((await like.getAttribute('aria-label')) ?? '')?.[1]);
	await expect(like).toHaveAttribute('aria-pressed', 'false');
	await like.click();
	await expect(like).toHaveAttribute('aria-pressed', 'true');
	await expect(like).toHaveAttribute('aria-label', `Reaktion „Gefällt mir“: ${before + 1}`);
	// The other buttons of the form were not sent along.
	await expect(firstPost.getByRole('button', { name: /^Reaktion „Herz“/ })).toHaveAttribute(
		'aria-pressed',
		'false'
	);
	await like.click();
	await expect(like).toHaveAttribute('aria-pressed', 'false');
	await expect(like).toHaveAttribute('aria-label', `Reaktion „Gefällt mir“: ${before}`);
});
