import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInNewContext } from './support';

/** A signed-in member in a context of their own, with the live connection up. */
async function signIn(browser: Browser, email: string): Promise<Page> {
	const page = await signInNewContext(browser, email);
	await expect(page.locator('main')).toHaveAttribute('data-realtime', 'connected');
	return page;
}

async function openCohortChannel(page: Page): Promise<string> {
	await page.goto('/chat');
	await page.getByRole('link', { name: /Durchgang 1 Brandenburg/ }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Durchgang 1 Brandenburg' })
	).toBeVisible();
	// Joined and resynced: the server lists this member as online.
	await expect(page.getByText(/\d+ online/)).not.toHaveText('0 online');
	return page.url();
}

test('two members of a cohort chat live: typing, then the message, without reload', async ({
	browser
}) => {
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	const jonas = await signIn(browser, 'jonas.becker@netzwerk.example');
	const url = await openCohortChannel(anna);
	await openCohortChannel(jonas);
	expect(jonas.url()).toBe(url);

	const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
	await composer.click();
	await composer.pressSequentially('Hallo Jonas, **Treffen** morgen?', { delay: 20 });
	await expect(jonas.getByText('Anna Schulze schreibt …')).toBeVisible();

	await composer.press('Enter');
	const timeline = jonas.getByTestId('timeline');
	await expect(timeline.getByText('Treffen', { exact: true })).toBeVisible();
	await expect(timeline.locator('strong', { hasText: 'Treffen' })).toBeVisible();
	await expect(jonas.getByText('Anna Schulze schreibt …')).toBeHidden();
	// Shown once at the sender too (acknowledgement and broadcast merged by sequence number).
	await expect(anna.getByTestId('timeline').getByText('Hallo Jonas,')).toHaveCount(1);
	await expect(composer).toHaveValue('');

	// Shift+Enter makes a new line instead of sending.
	await composer.press('Shift+Enter');
	await expect(composer).toHaveValue('\n');

	await expectAccessible(jonas);
	await anna.context().close();
	await jonas.context().close();
});

test('a member of another cohort gets 404 for the channel', async ({ browser }) => {
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	const url = await openCohortChannel(anna);
	const paul = await signIn(browser, 'paul.schubert@netzwerk.example');
	const response = await paul.goto(url);
	expect(response?.status()).toBe(404);
	await expect(paul.getByRole('link', { name: /Durchgang 1 Brandenburg/ })).toHaveCount(0);
	await anna.context().close();
	await paul.context().close();
});

test('mention autocomplete, reply, reaction, edit and delete work from the keyboard', async ({
	browser
}) => {
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	await openCohortChannel(anna);
	const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
	await composer.click();
	await composer.pressSequentially('Hallo @jon');
	await expect(anna.getByRole('option', { name: /Jonas Becker/ })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await composer.press('Enter'); // picks the suggestion, does not send
	await expect(composer).toHaveValue('Hallo @jonas.becker ');
	await composer.pressSequentially('wie geht es?');
	await composer.press('Enter');
	const timeline = anna.getByTestId('timeline');
	const mine = timeline.locator('li[data-seq]').filter({ hasText: 'wie geht es?' });
	await expect(mine).toHaveCount(1);

	await mine.getByRole('button', { name: 'Antworten' }).focus();
	await anna.keyboard.press('Enter');
	await expect(anna.getByText(/^Antwort an Anna Schulze/)).toBeVisible();
	await expect(composer).toBeFocused();
	await composer.pressSequentially('Nachtrag');
	await composer.press('Enter');
	const sent = timeline.locator('li[data-seq]').filter({ hasText: 'Nachtrag' });
	await expect(sent.getByRole('link', { name: /Antwort auf Anna Schulze/ })).toBeVisible();
	// By its seq from here on: while it is edited its text is in a textarea, not in the item.
	const reply = timeline.locator(`li[data-seq="${await sent.getAttribute('data-seq')}"]`);

	await reply.getByRole('button', { name: 'Reaktion hinzufügen' }).focus();
	await anna.keyboard.press('Enter');
	await reply.getByRole('button', { name: 'Mit Feiern reagieren' }).focus();
	await anna.keyboard.press('Enter');
	await expect(reply.getByRole('button', { name: 'Feiern: 1' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);

	await reply.getByRole('button', { name: 'Bearbeiten' }).focus();
	await anna.keyboard.press('Enter');
	const editor = reply.getByLabel('Nachricht bearbeiten');
	await editor.fill('Nachtrag, korrigiert');
	await editor.press('Enter');
	await expect(reply.getByText('Nachtrag, korrigiert')).toBeVisible();
	await expect(reply.getByText('(bearbeitet)')).toBeVisible();

	anna.once('dialog', (dialog) => void dialog.accept());
	await reply.getByRole('button', { name: 'Löschen' }).focus();
	await anna.keyboard.press('Enter');
	await expect(reply.getByText('Nachricht gelöscht')).toBeVisible();
	await anna.context().close();
});

test('a message written offline waits in the outbox and goes out once on reconnect', async ({
	browser
}) => {
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	const jonas = await signIn(browser, 'jonas.becker@netzwerk.example');
	await openCohortChannel(anna);
	await openCohortChannel(jonas);

	await anna.context().setOffline(true);
	await expect(anna.locator('main')).toHaveAttribute('data-realtime', 'reconnecting', {
		timeout: 30_000
	});
	const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
	await composer.fill('Geschrieben ohne Verbindung');
	await composer.press('Enter');
	await expect(anna.getByText('Wartet auf Verbindung')).toBeVisible();

	await anna.context().setOffline(false);
	await expect(anna.getByText('Wartet auf Verbindung')).toBeHidden({ timeout: 30_000 });
	const seen = jonas.getByTestId('timeline').getByText('Geschrieben ohne Verbindung');
	await expect(seen).toHaveCount(1);
	await expect(anna.getByTestId('timeline').getByText('Geschrieben ohne Verbindung')).toHaveCount(
		1
	);
	await anna.context().close();
	await jonas.context().close();
});

test('the channel list counts new messages in other channels live', async ({ browser }) => {
	const anna = await signIn(browser, 'anna.schulze@netzwerk.example');
	const jonas = await signIn(browser, 'jonas.becker@netzwerk.example');
	await openCohortChannel(anna);
	await jonas.goto('/chat/alumni');
	await expect(jonas.getByRole('heading', { level: 1, name: 'Alumni-Netzwerk' })).toBeVisible();
	await expect(jonas.locator('main')).toHaveAttribute('data-realtime', 'connected');
	// The list follows the other channels once the server confirmed the watch.
	await expect(jonas.locator('nav[data-live="true"]')).toHaveCount(1);
	const link = jonas.getByRole('link', { name: /Durchgang 1 Brandenburg/ });
	const badge = link.locator('.badge');
	const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;

	const composer = anna.getByLabel(/^Nachricht an Durchgang 1/);
	await composer.fill('Neues im Durchgang');
	await composer.press('Enter');
	await expect(badge).toHaveText(String(before + 1));
	await anna.context().close();
	await jonas.context().close();
});
