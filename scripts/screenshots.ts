// npm run screenshots: the main pages as each role sees them, at phone (390 px) and laptop
// (1280 px) width, written as PNG files into screenshots/ for review. Runs the built app on a
// fresh demo network of its own (embedded database in a temporary folder), on loopback only.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBuiltApp } from './lib/built-app';

const outDir = path.resolve('screenshots');
const widths = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'laptop', width: 1280, height: 800 }
];
const demoPassword = 'Netzwerk-Demo-2024';

/** What to photograph, as whom: a path, or a link to follow from a list page. */
const shots: { name: string; as: string; path: string; follow?: RegExp }[] = [
	{ name: 'start', as: 'anna.schulze', path: '/' },
	{ name: 'forum', as: 'anna.schulze', path: '/forum' },
	{
		name: 'forum-thread',
		as: 'anna.schulze',
		path: '/forum/c/organisatorische-aufstellung',
		follow: /^\/forum\/t\/[0-9a-f]{24}$/
	},
	{ name: 'chat', as: 'anna.schulze', path: '/chat', follow: /^\/chat\/[^/]+$/ },
	{ name: 'workshops', as: 'anna.schulze', path: '/workshops' },
	{
		name: 'workshop',
		as: 'organisation',
		path: '/workshops',
		follow: /^\/workshops\/[0-9a-f]{24}$/
	},
	{ name: 'needs', as: 'organisation', path: '/needs' },
	{ name: 'search', as: 'anna.schulze', path: '/search?q=Datenstrategie' },
	{ name: 'admin', as: 'organisation', path: '/admin' },
	{ name: 'admin-cohorts', as: 'organisation', path: '/admin/cohorts' },
	{ name: 'admin-members', as: 'admin', path: '/admin/members' },
	{ name: 'moderation', as: 'moderation', path: '/moderation' }
];

/** The built app on a fresh demo network in a temporary folder, removed when it stops. */
async function startApp() {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'netzwerk-screenshots-'));
	const app = await startBuiltApp({
		dataDir,
		env: { SEED_DEMO: 'always' },
		output: 'inherit',
		startTimeoutMs: 120_000
	});
	return {
		url: app.url,
		async stop() {
			await app.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function signedIn(browser: Browser, baseURL: string, who: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL,
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin'
	});
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('E-Mail-Adresse').fill(`${who}@netzwerk.example`);
	await page.getByLabel('Passwort', { exact: true }).fill(demoPassword);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	return page;
}

/** The first link on the page whose path matches. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	const found = hrefs.find((href) => pattern.test(href));
	if (!found) throw new Error(`no link matching ${pattern} on ${page.url()}`);
	return found;
}

async function main() {
	if (!existsSync('build/handler.js')) throw new Error('build/ is missing: run "npm run build"');
	mkdirSync(outDir, { recursive: true });
	const app = await startApp();
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
	});
	try {
		const pages = new Map<string, Page>();
		for (const shot of shots) {
			let page = pages.get(shot.as);
			if (!page) pages.set(shot.as, (page = await signedIn(browser, app.url, shot.as)));
			await page.goto(shot.path);
			if (shot.follow) await page.goto(await firstLink(page, shot.follow));
			for (const size of widths) {
				await page.setViewportSize({ width: size.width, height: size.height });
				await page.waitForLoadState('networkidle');
				const file = path.join(outDir, `${shot.name}-${size.name}.png`);
				await page.screenshot({ path: file, fullPage: true });
				console.log(`${path.relative(process.cwd(), file)}  (${shot.as}, ${shot.path})`);
			}
		}
	} finally {
		await browser.close();
		await app.stop();
	}
}

await main();
