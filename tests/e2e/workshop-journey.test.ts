import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { members } from '../../src/lib/server/seed/demo-network';
import {
	expectAccessible,
	open,
	receivedMails,
	signIn,
	watchConsole,
	type ReceivedMail
} from './support';

/**
 * Issue 11's whole closed event in one browser run: draft, publication with invitations, a
 * supervisor tandem from the mail link to the workshop channel, and a full house with a waiting
 * list. Mail goes to the real SMTP server of global-setup.ts and is read from there.
 */

const workshop = {
	number: '4',
	title: 'Daten teilen in der Region',
	name: '4. Transfer-Workshop: Daten teilen in der Region',
	// Well after the demo's upcoming workshop, so nobody's "next workshop" changes.
	day: new Date(Date.now() + 60 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
	capacity: 3
};
const organiser = 'organisation@netzwerk.example';
const alumna = { email: 'katrin.hoffmann@netzwerk.example', name: 'Katrin Hoffmann' };
const supervisor = {
	email: 'birgit.sander@michendorf.example',
	name: 'Dr. Birgit Sander',
	password: 'Tandem-Workshop-2024!'
};
/** Cohort 2: answers with the one-click link from the invitation, later cancels. */
const filler = 'oliver.seidel@netzwerk.example';
/** Cohort 1: registers when the workshop is full. */
const waiting = { email: 'sabine.wolff@netzwerk.example', name: 'Sabine Wolff' };

const invitedCohorts = ['bb1', 'bb2'];
const audience = members
	.filter((m) => m.roles.includes('alumni') && m.cohorts?.some((c) => invitedCohorts.includes(c)))
	.map((m) => m.email);
const notInvited = members.map((m) => m.email).filter((email) => !audience.includes(email));

/** Screenshots for a look by eye, when E2E_SHOTS_DIR names a folder. */
const shotsDir = process.env.E2E_SHOTS_DIR;

async function mailTo(address: string, subject: string): Promise<ReceivedMail> {
	const find = async () =>
		(await receivedMails()).find((m) => m.to === address && m.subject === subject);
	await expect.poll(find, { timeout: 60_000, message: `${subject} to ${address}` }).toBeDefined();
	return (await find())!;
}

test('a closed workshop from draft to full house: invitations, supervisor tandem, live channel, waiting list', async ({
	browser
}) => {
	test.setTimeout(360_000);
	const consoleProblems: string[][] = [];
	/** A browser of its own whose console errors and warnings fail the test. */
	async function newBrowser(b: Browser): Promise<Page> {
		const page = await (await b.newContext()).newPage();
		consoleProblems.push(watchConsole(page));
		return page;
	}
	async function member(email: string): Promise<Page> {
		const page = await newBrowser(browser);
		await signIn(page, email);
		return page;
	}
	const seats = (page: Page, taken: number) =>
		expect(page.getByText(`${taken} von ${workshop.capacity} Plätzen belegt`)).toBeVisible();
	const participantRow = (page: Page, name: string) =>
		page.getByRole('region', { name: 'Teilnehmende' }).getByRole('row').filter({ hasText: name });

	const org = await member(organiser);
	let workshopPath = '';

	await test.step('the organiser drafts the workshop; nothing is sent', async () => {
		const mailsBefore = (await receivedMails()).length;
		await open(org, '/workshops');
		await expectAccessible(org);
		await org.getByRole('link', { name: 'Workshop anlegen' }).click();
		await expect(org.getByRole('heading', { level: 1, name: 'Workshop anlegen' })).toBeVisible();
		await expectAccessible(org);

		const form = org.getByRole('main');
		await form.getByLabel('Titel', { exact: true }).fill(workshop.title);
		await form.getByLabel('Nummer').fill(workshop.number);
		await form.getByLabel('Datum').fill(workshop.day);
		await form.getByLabel('Beginn').fill('10:00');
		await form.getByLabel('Ende').fill('15:00');
		await form.getByLabel('Format').selectOption({ label: 'Online' });
		await form.getByLabel('Link zur Videokonferenz').fill('https://video.netzwerk.example/tw-4');
		await form.getByLabel('Plätze', { exact: true }).fill(String(workshop.capacity));
		await form.getByLabel('Durchgang 1 Brandenburg').check();
		await form.getByLabel('Durchgang 2 Brandenburg').check();
		await form.getByRole('button', { name: 'Speichern' }).click();

		await expect(org).toHaveURL(/\/workshops\/[0-9a-f]{24}$/);
		workshopPath = new URL(org.url()).pathname;
		await expect(org.getByRole('heading', { level: 1 })).toHaveText(workshop.name);
		await expect(org.getByRole('note')).toHaveText(
			'Entwurf: nur für die Organisation sichtbar. Es wurde noch nichts versendet.'
		);
		await expect(org.getByText('Durchgang 1 Brandenburg, Durchgang 2 Brandenburg')).toBeVisible();
		await expectAccessible(org);

		// Editing a draft sends nothing either.
		await org.getByRole('link', { name: 'Bearbeiten', exact: true }).click();
		await expect(
			org.getByRole('heading', { level: 1, name: `Bearbeiten: ${workshop.title}` })
		).toBeVisible();
		await expect(org.getByLabel('Plätze', { exact: true })).toHaveValue('3');
		await expectAccessible(org);
		await org
			.getByLabel('Beschreibung (Markdown)')
			.fill('Wie Kommunen **Daten gemeinsam nutzen**: Erfahrungen aus den Durchgängen 1 und 2.');
		await org.getByRole('main').getByRole('button', { name: 'Speichern' }).click();
		await expect(org).toHaveURL(new RegExp(`${workshopPath}$`));
		await expect(org.locator('.markdown strong')).toHaveText('Daten gemeinsam nutzen');

		// So does its agenda.
		await org.getByRole('link', { name: 'Programm bearbeiten' }).click();
		await expect(
			org.getByRole('heading', { level: 1, name: `Programm bearbeiten: ${workshop.title}` })
		).toBeVisible();
		await org.getByLabel('Titel', { exact: true }).fill('Begrüßung und Ziele');
		await org.getByLabel('Dauer (Minuten)').fill('20');
		await org.getByRole('button', { name: 'Hinzufügen' }).click();
		await expect(
			org.getByRole('listitem').filter({ hasText: 'Begrüßung und Ziele' })
		).toContainText('Input · 20 Min.');
		await expectAccessible(org);
		await org.getByRole('link', { name: 'Zurück zum Workshop' }).click();
		await expect(org.getByRole('heading', { level: 1 })).toHaveText(workshop.name);

		expect((await receivedMails()).length, 'mails sent while a draft').toBe(mailsBefore);
	});

	await test.step('publishing invites the alumni of cohorts 1 and 2, and nobody else', async () => {
		const publishedAt = Date.now();
		await org.getByRole('button', { name: 'Veröffentlichen' }).click();
		await expect(org.getByRole('note')).toHaveCount(0);
		await expect(org.getByRole('link', { name: 'Zum Workshop-Chat' })).toBeVisible();
		await expect(org.getByRole('button', { name: 'Veröffentlichen' })).toHaveCount(0);
		await expectAccessible(org);

		const aboutWorkshop = async () =>
			(await receivedMails()).filter((m) => m.subject.includes(workshop.name));
		await expect
			.poll(async () => (await aboutWorkshop()).map((m) => m.to), { timeout: 90_000 })
			.toEqual(expect.arrayContaining(audience));
		const mails = await aboutWorkshop();
		expect(mails.every((m) => m.subject === `Einladung: ${workshop.name}`)).toBe(true);
		expect(
			mails.filter((m) => m.receivedAt < publishedAt),
			'sent before publishing'
		).toEqual([]);
		const recipients = mails.map((m) => m.to);
		expect(recipients.filter((to) => notInvited.includes(to))).toEqual([]);
		expect(new Set(recipients).size, 'one invitation each').toBe(recipients.length);
	});

	const katrin = await member(alumna.email);

	await test.step('an alumna registers and invites her supervisor by email', async () => {
		await open(katrin, '/workshops');
		await katrin.getByRole('link', { name: workshop.name }).click();
		await expect(katrin.getByRole('heading', { level: 1 })).toHaveText(workshop.name);
		await expect(katrin.getByText('Sie haben noch nicht geantwortet.')).toBeVisible();
		await katrin.getByLabel('Ich nehme teil', { exact: true }).check();
		await katrin.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(katrin.getByText('Sie sind angemeldet.')).toBeVisible();
		await seats(katrin, 1);

		const tandem = katrin.getByRole('region', { name: 'Fachvorgesetzte:n mitbringen' });
		await tandem.getByLabel('Name', { exact: true }).fill(supervisor.name);
		await tandem.getByLabel('E-Mail-Adresse').fill(supervisor.email);
		await tandem.getByRole('button', { name: 'Einladung senden' }).click();
		await expect(tandem.getByText('Die Einladung ist verschickt.')).toBeVisible();
		await expectAccessible(katrin);
	});

	const birgit = await newBrowser(browser);

	await test.step('the supervisor accepts from the mail and sees only her workshop', async () => {
		const mail = await mailTo(supervisor.email, `Einladung: ${workshop.name}`);
		expect(mail.text).toContain(`${alumna.name} lädt Sie als Fachvorgesetzte:n`);
		const link = mail.text.match(/\/invite\/[a-z2-7]{32}/)?.[0];
		expect(link).toBeDefined();
		await open(birgit, link!);
		await expect(
			birgit.getByRole('heading', { level: 1, name: 'Einladung annehmen' })
		).toBeVisible();
		await expect(birgit.getByLabel('Ihr Name')).toHaveValue(supervisor.name);
		await birgit.getByLabel('Passwort', { exact: true }).fill(supervisor.password);
		await birgit.getByLabel('Passwort wiederholen').fill(supervisor.password);
		await birgit.getByRole('button', { name: 'Zugang anlegen' }).click();

		await expect(birgit).toHaveURL(new RegExp(`${workshopPath}$`));
		await expect(birgit.getByRole('heading', { level: 1 })).toHaveText(workshop.name);
		await expect(participantRow(birgit, supervisor.name)).toContainText('Michendorf');
		await expect(participantRow(birgit, supervisor.name)).toContainText('Fachvorgesetzte:r');
		await expect(participantRow(birgit, alumna.name)).toContainText('Teilnehmer:in');
		await seats(birgit, 2);
		await expectAccessible(birgit);

		await open(birgit, '/workshops');
		await expect(birgit.getByRole('main').getByRole('article')).toHaveCount(1);
		await expect(birgit.getByRole('main').getByRole('article')).toContainText(workshop.name);
		await expectAccessible(birgit);
		const nav = birgit.getByRole('navigation', { name: 'Hauptnavigation' });
		await expect(nav.getByRole('link', { name: 'Workshops' })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Mitglieder' })).toHaveCount(0);

		// The cohort channel's address, as the alumna's chat lists it.
		await open(katrin, '/chat');
		const cohortChannel = await katrin
			.getByRole('navigation', { name: 'Kanäle' })
			.getByRole('link', { name: /Durchgang 1 Brandenburg/ })
			.getAttribute('href');
		expect(cohortChannel).toMatch(/^\/chat\//);

		// Refused pages in a tab of their own: their error answers are expected console output.
		const probe = await birgit.context().newPage();
		expect((await probe.goto('/members'))?.status()).toBe(403);
		expect((await probe.goto(cohortChannel!))?.status()).toBe(404);
		await probe.close();

		await open(birgit, '/chat');
		const channels = birgit.getByRole('navigation', { name: 'Kanäle' }).getByRole('link');
		await expect(channels).toHaveCount(1);
		await expect(channels).toContainText(workshop.name);
	});

	await test.step('she writes in the workshop channel and the alumna reads it live', async () => {
		for (const page of [katrin, birgit]) {
			await open(page, workshopPath);
			await page.getByRole('link', { name: 'Zum Workshop-Chat' }).click();
			await expect(page.getByRole('heading', { level: 1, name: workshop.name })).toBeVisible();
			await expect(page.locator('main')).toHaveAttribute('data-realtime', 'connected', {
				timeout: 20_000
			});
		}
		// Both joined: the server counts them in the channel.
		await expect(katrin.getByText('2 online')).toBeVisible({ timeout: 20_000 });
		// A mark on the alumna's document: a reload would lose it.
		await katrin.evaluate(() => document.documentElement.setAttribute('data-same-document', ''));
		const composer = birgit.getByLabel(`Nachricht an ${workshop.name}`);
		await composer.fill('Guten Tag zusammen, ich freue mich auf den Austausch!');
		await composer.press('Enter');
		await expect(
			katrin.getByTestId('timeline').getByText('ich freue mich auf den Austausch!')
		).toBeVisible({ timeout: 20_000 });
		await expect(katrin.getByTestId('timeline')).toContainText(supervisor.name);
		await expect(katrin.locator('html')).toHaveAttribute('data-same-document', '');
		await expectAccessible(katrin);
		await expectAccessible(birgit);
	});

	await test.step('the workshop fills; the next one waits and moves up on a cancellation', async () => {
		// A cohort 2 alumna answers with one click from her invitation, without signing in.
		const invitation = await mailTo(filler, `Einladung: ${workshop.name}`);
		const yes = invitation.text.match(/Ja, ich nehme teil: \S+(\/rsvp\/\S+)/)?.[1];
		expect(yes).toBeDefined();
		const mailReader = await newBrowser(browser);
		await open(mailReader, yes!);
		await expect(mailReader.getByText('Ja, ich nehme teil.')).toBeVisible();
		await expectAccessible(mailReader);
		await mailReader.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(mailReader.getByRole('main').getByRole('status')).toHaveText(
			'Danke! Sie sind angemeldet.'
		);
		await mailReader.context().close();

		const sabine = await member(waiting.email);
		await open(sabine, workshopPath);
		await seats(sabine, 3);
		await sabine.getByLabel('Ich nehme teil', { exact: true }).check();
		await sabine.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(sabine.getByText('Sie stehen auf der Warteliste (Platz 1).')).toBeVisible();
		await expect(sabine.getByText('1 Person auf der Warteliste')).toBeVisible();

		const oliver = await member(filler);
		await open(oliver, workshopPath);
		await expect(oliver.getByText('Sie sind angemeldet.')).toBeVisible();
		const bringSupervisor = oliver.getByRole('region', { name: 'Fachvorgesetzte:n mitbringen' });
		await expect(bringSupervisor).toBeVisible();
		await oliver.getByLabel('Ich nehme nicht teil').check();
		await oliver.getByRole('button', { name: 'Antwort senden' }).click();
		await expect(oliver.getByText('Sie haben abgesagt.')).toBeVisible();
		// Who declined brings no supervisor.
		await expect(bringSupervisor).toHaveCount(0);
		await seats(oliver, 3);

		const promoted = await mailTo(waiting.email, `Sie haben einen Platz: ${workshop.name}`);
		expect(promoted.text).toContain('Sie sind jetzt angemeldet');
		await open(sabine, workshopPath);
		await expect(sabine.getByText('Sie sind angemeldet.')).toBeVisible();
		await open(org, workshopPath);
		// Moved up: a participant, no longer marked as waiting (organisers also see row actions).
		await expect(participantRow(org, waiting.name)).toContainText('Teilnehmer:in');
		await expect(participantRow(org, waiting.name)).not.toContainText('Warteliste');
		await expect(org.getByText('Person auf der Warteliste')).toHaveCount(0);
		await oliver.context().close();
		await sabine.context().close();
	});

	await test.step('the workshop page on a phone, for each role', async () => {
		if (shotsDir) mkdirSync(shotsDir, { recursive: true });
		const roles = { organiser: org, alumna: katrin, supervisor: birgit };
		for (const [role, page] of Object.entries(roles)) {
			await open(page, workshopPath);
			// The page's own content never scrolls sideways (the participants table scrolls in its
			// own box). The header's account buttons still do on phones: the layout's own matter.
			for (const width of [1280, 390, 320]) {
				await page.setViewportSize({ width, height: 844 });
				const overflow = await page
					.getByRole('main')
					.evaluate((el) => el.scrollWidth - el.clientWidth);
				expect(overflow, `${role} at ${width} px`).toBe(0);
				if (width === 390) await expectAccessible(page);
				if (shotsDir && width !== 320)
					await page.screenshot({
						path: path.join(shotsDir, `${role}-${width === 390 ? 'phone' : 'desktop'}.png`),
						fullPage: true
					});
			}
			await page.setViewportSize({ width: 1280, height: 844 });
		}
	});

	for (const page of [org, katrin, birgit]) await page.context().close();
	expect(consoleProblems.flat()).toEqual([]);
});
