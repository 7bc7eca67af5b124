import { expect, test } from '@playwright/test';
import { expectAccessible, open, receivedMails, signIn } from './support';

test('every page links the legal pages; a visitor reports a barrier without an account or JavaScript', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login');
	const footer = page.getByRole('navigation', { name: 'Rechtliches' });
	await expect(footer.getByRole('link')).toHaveText([
		'Impressum',
		'Datenschutzerklärung',
		'Erklärung zur Barrierefreiheit'
	]);
	await footer.getByRole('link', { name: 'Impressum' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impressum');
	await expect(
		page.getByText('Transferstelle Smart-City-Manager:innen (Demo)').first()
	).toBeVisible();

	await page.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click();
	await expect(page.getByRole('link', { name: /Schlichtungsstelle/ })).toBeVisible();
	const message = `Die Terminliste ist mit Bildschirmlupe schwer lesbar (${Date.now()}).`;
	await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(page.getByText('Bitte ausfüllen.')).toBeVisible();
	await page.getByLabel('Ihre Rückmeldung').fill(message);
	await page.getByLabel('E-Mail-Adresse für eine Antwort (optional)').fill('besucher@example.org');
	await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
	await expect(page.getByText('Vielen Dank. Ihre Rückmeldung wurde gesendet.')).toBeVisible();
	await expect(page.getByLabel('Ihre Rückmeldung')).toHaveValue('');
	await expect
		.poll(async () => (await receivedMails()).find((m) => m.text.includes(message))?.to)
		.toBe('barrierefreiheit@netzwerk.example');
	await context.close();
});

test('an admin edits the Impressum in Markdown; the page is accessible on a phone', async ({
	page
}) => {
	await signIn(page, 'admin@netzwerk.example');
	await open(page, '/impressum');
	await page.getByRole('link', { name: 'Diese Seite bearbeiten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Impressum');
	await expectAccessible(page);
	const text = page.getByLabel('Text (Markdown)');
	await text.fill(`${await text.inputValue()}\n\n## Bildnachweise\n\nFotos: Stadt Musterhausen`);
	await page.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByText('Der Text wurde gespeichert.')).toBeVisible();
	await page.getByRole('link', { name: 'Seite ansehen' }).click();
	await expect(page.getByRole('heading', { name: 'Bildnachweise' })).toBeVisible();

	await page.setViewportSize({ width: 390, height: 844 });
	for (const path of ['/impressum', '/datenschutz', '/barrierefreiheit']) {
		await open(page, path);
		await expectAccessible(page);
	}
});
