import { expect, test, type Page } from '@playwright/test';
import { open, signIn, watchConsole } from './support';

// Phone (small and common), tablet, desktop.
const widths = [320, 390, 768, 1280];

const listPages = [
	'/',
	'/forum',
	'/forum/new',
	'/chat',
	'/members',
	'/search?q=Daten',
	'/notifications',
	'/settings',
	'/workshops',
	'/workshops/new',
	'/moderation',
	'/moderation/categories',
	'/moderation/audit',
	'/admin',
	'/admin/members',
	'/admin/cohorts',
	'/admin/municipalities',
	'/admin/invitations',
	'/admin/audit',
	'/admin/legal',
	'/admin/legal/barrierefreiheit',
	'/impressum',
	'/datenschutz',
	'/barrierefreiheit'
];

/** The first link of a list page whose address matches, so detail pages come from the demo data. */
async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string> {
	await open(page, listPath);
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const href = hrefs.find((h) => pattern.test(h));
	if (!href) throw new Error(`no link matching ${pattern} on ${listPath}`);
	return href;
}

async function detailPages(page: Page): Promise<string[]> {
	const workshop = await firstLink(page, '/workshops', /^\/workshops\/[0-9a-f]{24}$/);
	return [
		await firstLink(page, '/forum', /^\/forum\/c\/[^/]+$/),
		await firstLink(page, '/', /^\/forum\/t\/[0-9a-f]{24}/),
		await firstLink(page, '/chat', /^\/chat\/[^/?]+$/),
		await firstLink(page, '/members', /^\/members\/[^/?]+$/),
		workshop,
		`${workshop}/agenda`,
		`${workshop}/materials`,
		await firstLink(page, '/admin/members', /^\/admin\/members\/[0-9a-f]{24}$/),
		await firstLink(page, '/admin/cohorts', /^\/admin\/cohorts\/[0-9a-f]{24}$/),
		await firstLink(page, '/admin/municipalities', /^\/admin\/municipalities\/[0-9a-f]{24}$/)
	];
}

/** How far the document is wider than the window, and which elements stick out. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const width = window.innerWidth;
		const excess = document.documentElement.scrollWidth - width;
		const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 1;
		// The innermost elements that stick out name the cause better than their containers.
		const culprits = [...document.querySelectorAll('body *')]
			.filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
			.slice(0, 3)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
		return { excess, culprits };
	});
}

test('no page is wider than the window, from a 320 px phone to a desktop, and none logs a warning', async ({
	page
}) => {
	test.setTimeout(240_000);
	const consoleProblems = watchConsole(page);
	await signIn(page, 'admin@netzwerk.example');
	const pages = [...listPages, ...(await detailPages(page))];
	const tooWide: string[] = [];
	for (const width of widths) {
		await page.setViewportSize({ width, height: 800 });
		for (const path of pages) {
			await open(page, path);
			const { excess, culprits } = await overflow(page);
			if (excess > 0) tooWide.push(`${width} px ${path}: ${excess} px too wide (${culprits})`);
		}
	}
	expect(tooWide).toEqual([]);
	expect(consoleProblems).toEqual([]);
});

test('on a phone the navigation folds into a menu button that the keyboard opens', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await signIn(page, 'anna.schulze@netzwerk.example');
	await open(page, '/');
	const menu = page.getByRole('button', { name: 'Menü' });
	const forum = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', {
		name: 'Forum'
	});
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(forum).toBeHidden();
	await menu.focus();
	await page.keyboard.press('Enter');
	await expect(menu).toHaveAttribute('aria-expanded', 'true');
	await expect(forum).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(menu).toHaveAttribute('aria-expanded', 'false');
	await expect(menu).toBeFocused();

	// On a desktop there is no menu button: the navigation is always shown.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(menu).toBeHidden();
	await expect(forum).toBeVisible();
});
