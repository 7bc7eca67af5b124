import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible, open, signInNewContext, watchConsole } from './support';

/**
 * Issue 12's live day in one browser run: an organiser runs a workshop with an agenda, the
 * alumna and her supervisor follow item changes and notes live, a stale save keeps both texts,
 * and the tandem answers the needs survey once for their municipality.
 */

const workshop = {
	title: 'Offene Daten im Alltag der Verwaltung',
	name: '5. Transfer-Workshop: Offene Daten im Alltag der Verwaltung',
	// After the demo's upcoming workshop, so nobody's "next workshop" changes.
	day: new Date(Date.now() + 75 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
};
const agenda = ['Ankommen und Ziele', 'Datenkatalog der Kommunen', 'Nächste Schritte'] as const;
const alumna = { email: 'anna.schulze@netzwerk.example', name: 'Anna Schulze' };
const supervisor = { email: 'petra.lange@netzwerk.example', name: 'Dr. Petra Lange' };
const organiserName = 'Ole Organisator';
const question = {
	municipality: 'Für welche Kommune antworten Sie?',
	priority: 'Was hat Vorrang?',
	need: 'Was brauchen Sie für offene Daten?'
};

// A missing control fails within seconds, not at the end of the whole run.
test.use({ actionTimeout: 20_000 });

/** The notes card of one agenda item. */
const notesOf = (page: Page, item: string) =>
	page.getByRole('region', { name: 'Notizen' }).getByRole('article', { name: item, exact: true });

/** The page has joined the workshop's live room: item changes and notes arrive from now on. */
async function openLive(page: Page, path: string) {
	await open(page, path);
	await expect(page.locator('[role="status"][data-live="true"]')).toBeAttached({
		timeout: 20_000
	});
	// A mark on the document: a reload would lose it, so updates must arrive without one.
	await page.evaluate(() => document.documentElement.setAttribute('data-same-document', ''));
}

async function expectSameDocument(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('data-same-document', '');
}

/** The notes box of a card, also when it holds the writer's refused text. */
const noteBox = (card: Locator) =>
	card.getByLabel(/^(Notizen zu diesem Punkt|Ihre Fassung \(nicht gespeichert\))$/);

async function saveNote(card: Locator, text: string) {
	await noteBox(card).fill(text);
	await card.getByRole('button', { name: 'Notizen speichern' }).click();
}

test('a live workshop: agenda moves on, notes arrive live, a stale save keeps both texts, the tandem answers once', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const org = await signInNewContext(browser, 'organisation@netzwerk.example');
	const anna = await signInNewContext(browser, alumna.email);
	const petra = await signInNewContext(browser, supervisor.email);
	const problems = [org, anna, petra].map(watchConsole);
	let workshopPath = '';

	await test.step('the organiser drafts the workshop with an agenda and publishes it', async () => {
		await open(org, '/workshops/new');
		const form = org.getByRole('main');
		await form.getByLabel('Titel', { exact: true }).fill(workshop.title);
		await form.getByLabel('Nummer').fill('5');
		await form.getByLabel('Datum').fill(workshop.day);
		await form.getByLabel('Beginn').fill('10:00');
		await form.getByLabel('Ende').fill('15:00');
		await form.getByLabel('Format').selectOption({ label: 'Online' });
		await form.getByLabel('Link zur Videokonferenz').fill('https://video.netzwerk.example/tw-5');
		await form.getByLabel('Plätze', { exact: true }).fill('12');
		await form.getByLabel('Durchgang 1 Brandenburg').check();
		await form.getByRole('button', { name: 'Speichern' }).click();
		await expect(org).toHaveURL(/\/workshops\/[0-9a-f]{24}$/);
		workshopPath = new URL(org.url()).pathname;

		await open(org, `${workshopPath}/agenda`);
		for (const title of agenda) {
			await org.getByLabel('Titel', { exact: true }).fill(title);
			await org.getByLabel('Dauer (Minuten)').fill('30');
			await org.getByRole('button', { name: 'Hinzufügen' }).click();
			await expect(org.getByRole('listitem').filter({ hasText: title })).toBeVisible();
		}
		await open(org, workshopPath);
		await org.getByRole('button', { name: 'Veröffentlichen' }).click();
		await expect(org.getByRole('button', { name: 'Workshop starten' })).toBeVisible();
	});

	await test.step('the survey asks once per municipality and opens', async () => {
		await open(org, `${workshopPath}/survey`);
		await org.getByRole('radio', { name: /^Eine gemeinsame Antwort pro Kommune/ }).check();
		await org.getByRole('button', { name: 'Einstellungen speichern' }).click();
		await expect(
			org.getByRole('radio', { name: /^Eine gemeinsame Antwort pro Kommune/ })
		).toBeChecked();
		const questions: Array<[string, string, string]> = [
			['Kommune', question.municipality, ''],
			['Einfachauswahl', question.priority, 'Datenkatalog\nSchulungen'],
			['Kurzer Text', question.need, '']
		];
		for (const [kind, prompt, choices] of questions) {
			await org.getByLabel('Fragetyp').selectOption({ label: kind });
			await org.getByLabel('Frage', { exact: true }).fill(prompt);
			await org.getByLabel('Antwortmöglichkeiten (eine pro Zeile)').fill(choices);
			await org.getByRole('button', { name: 'Frage hinzufügen' }).click();
			await expect(org.getByRole('listitem').filter({ hasText: prompt })).toBeVisible();
		}
		await org.getByRole('button', { name: 'Umfrage öffnen' }).click();
		await expect(org.getByText('Offen für Antworten')).toBeVisible();
	});

	await test.step('the alumna registers and brings her supervisor; she is named note-taker', async () => {
		await open(anna, workshopPath);
		await anna.getByLabel('Ich nehme teil', { exact: true }).check();
		await anna.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(anna.getByText('Sie sind angemeldet.')).toBeVisible();
		const tandem = anna.getByRole('region', { name: 'Fachvorgesetzte:n mitbringen' });
		await tandem.getByLabel('Name', { exact: true }).fill(supervisor.name);
		await tandem.getByLabel('E-Mail-Adresse').fill(supervisor.email);
		await tandem.getByRole('button', { name: 'Einladung senden' }).click();
		// She has an account already: she is on the roster at once (and the invitation form gone).
		await expect(
			anna.getByRole('row').filter({ hasText: supervisor.name }).getByRole('cell').nth(2)
		).toHaveText('Fachvorgesetzte:r');
		await expect(tandem).toHaveCount(0);

		await open(org, workshopPath);
		const annaRow = org
			.getByRole('region', { name: 'Teilnehmende' })
			.getByRole('row')
			.filter({ hasText: alumna.name });
		await annaRow.getByRole('button', { name: 'Protokoll führen lassen' }).click();
		await expect(annaRow.getByRole('cell').first()).toHaveText(`${alumna.name} · Protokoll`);
		await org.getByRole('button', { name: 'Workshop starten' }).click();
		await expect(org.getByRole('region', { name: 'Jetzt' })).toBeVisible();
	});

	await test.step('the organiser moves on; both roster pages show and announce the new item', async () => {
		await openLive(org, workshopPath);
		await openLive(anna, workshopPath);
		await openLive(petra, workshopPath);
		for (const page of [org, anna, petra])
			await expect(page.locator('[data-live-item]')).toHaveText(agenda[0]);
		await expect(anna.getByRole('button', { name: 'Nächster Punkt' })).toHaveCount(0);
		await expectAccessible(petra);

		await org.getByRole('button', { name: 'Nächster Punkt' }).click();
		for (const page of [org, anna, petra]) {
			await expect(page.locator('[data-live-item]')).toHaveText(agenda[1]);
			const region = page.getByRole('status').filter({ hasText: `Jetzt: ${agenda[1]}` });
			await expect(region).toHaveAttribute('aria-live', 'polite');
		}
		await expectSameDocument(anna);
		await expectSameDocument(petra);
		await expectAccessible(org);
	});

	const first = 'Jede Kommune pflegt **einen** Datenkatalog.';
	await test.step('a note of the organiser reaches both roster members without reload', async () => {
		await saveNote(notesOf(org, agenda[1]), first);
		for (const page of [anna, petra]) {
			await expect(notesOf(page, agenda[1]).locator('[data-note] strong')).toHaveText('einen');
			await expect(
				page.getByRole('status').filter({ hasText: `aktualisiert von ${organiserName}` })
			).toHaveAttribute('aria-live', 'polite');
			await expectSameDocument(page);
		}
		// The supervisor reads; only organisers and the note-taker write.
		await expect(notesOf(petra, agenda[1]).getByRole('textbox')).toHaveCount(0);
		await expect(noteBox(notesOf(anna, agenda[1]))).toHaveValue(first);
	});

	const annas = `${first}\n\nBad Belzig veröffentlicht ab Mai.`;
	const oles = `${first}\n\nSchulungen im Herbst.`;
	await test.step('two editors start from the same version: the later save is refused, both texts stay', async () => {
		const orgCard = notesOf(org, agenda[1]);
		await noteBox(orgCard).fill(oles);
		await saveNote(notesOf(anna, agenda[1]), annas);
		await expect(notesOf(petra, agenda[1]).locator('[data-note]')).toContainText('ab Mai');
		// The organiser's page shows the new version live, while his own text stays in the box.
		await expect(orgCard.locator('[data-note]')).toContainText('ab Mai');
		await expect(noteBox(orgCard)).toHaveValue(oles);

		await orgCard.getByRole('button', { name: 'Notizen speichern' }).click();
		await expect(orgCard.getByRole('alert')).toContainText('inzwischen geändert');
		await expect(orgCard.locator('[data-theirs]')).toHaveText(annas);
		await expect(orgCard.getByLabel('Ihre Fassung (nicht gespeichert)')).toHaveValue(oles);
		await expectAccessible(org);
		await expect(notesOf(petra, agenda[1]).locator('[data-note]')).not.toContainText('Herbst');

		// Merged by hand, the next save goes through and reaches everyone.
		await saveNote(orgCard, `${annas}\n\nSchulungen im Herbst.`);
		await expect(orgCard.getByRole('alert')).toHaveCount(0);
		for (const page of [org, anna, petra]) {
			const note = notesOf(page, agenda[1]).locator('[data-note]');
			await expect(note).toContainText('ab Mai');
			await expect(note).toContainText('Schulungen im Herbst.');
		}
		await expectSameDocument(petra);
	});

	await test.step('every saved version is kept in the history', async () => {
		await notesOf(petra, agenda[1]).getByRole('link', { name: 'Frühere Fassungen' }).click();
		await expect(
			petra.getByRole('heading', {
				level: 1,
				name: `Frühere Fassungen der Notizen zu „${agenda[1]}“`
			})
		).toBeVisible();
		const versions = petra.getByRole('main').getByRole('article');
		await expect(versions).toHaveCount(3);
		await expect(versions.nth(0)).toContainText('Fassung 3');
		await expect(versions.nth(1)).toContainText(`Zuletzt geändert von ${alumna.name}`);
		await expect(versions.nth(2)).toContainText(`Zuletzt geändert von ${organiserName}`);
		await expectAccessible(petra);
	});

	await test.step('the alumna answers for Bad Belzig; her supervisor edits the same answers', async () => {
		await open(anna, `${workshopPath}/survey`);
		await expect(anna.getByRole('note')).toHaveText(/gemeinsam für Bad Belzig/);
		await expect(anna.getByLabel(question.municipality)).toHaveValue('Bad Belzig');
		await anna.getByRole('group', { name: question.priority }).getByLabel('Datenkatalog').check();
		await anna.getByLabel(question.need).fill('Eine Schnittstelle zum Landesportal');
		await anna.getByRole('button', { name: 'Antworten speichern' }).click();
		await expect(anna.getByText('Ihre Antworten sind gespeichert.')).toBeVisible();
		await expectAccessible(anna);

		await open(petra, `${workshopPath}/survey`);
		await expect(petra.getByLabel(question.municipality)).toHaveValue('Bad Belzig');
		await expect(petra.getByLabel(question.need)).toHaveValue(
			'Eine Schnittstelle zum Landesportal'
		);
		await expect(
			petra.getByRole('group', { name: question.priority }).getByLabel('Datenkatalog')
		).toBeChecked();
		await petra.getByRole('group', { name: question.priority }).getByLabel('Schulungen').check();
		await petra.getByLabel(question.need).fill('Schulungen für das Team');
		await petra.getByRole('button', { name: 'Antworten speichern' }).click();
		await expect(petra.getByText('Ihre Antworten sind gespeichert.')).toBeVisible();
		await expect(petra.getByText(`von ${alumna.name}, ${supervisor.name}`)).toBeVisible();
		await expectAccessible(petra);
	});

	await test.step('the organiser sees one answer set for the municipality', async () => {
		await open(org, `${workshopPath}/survey`);
		await expect(org.getByText('1 Antwort', { exact: true })).toBeVisible();
		await org.getByRole('link', { name: 'Auswertung' }).click();
		await expect(org.getByRole('heading', { level: 1, name: /^Auswertung/ })).toBeVisible();
		await expect(org.getByText(/Offen für Antworten · 1 Antwort$/)).toBeVisible();
		const priority = org.getByRole('table', { name: question.priority });
		await expect(priority.getByRole('row', { name: 'Schulungen' })).toContainText('1');
		await expect(priority.getByRole('row', { name: 'Datenkatalog' })).toContainText('0');
		const needs = org.getByRole('region', { name: `3. ${question.need}` });
		await expect(needs.getByRole('listitem')).toHaveCount(1);
		await expect(needs.getByRole('listitem')).toContainText('Schulungen für das Team');
		await expectAccessible(org);
	});

	for (const page of [org, anna, petra]) await page.context().close();
	expect(problems.flat()).toEqual([]);
});
