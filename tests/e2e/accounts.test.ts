import { expect, test } from '@playwright/test';
import { expectAccessible, open, signIn } from './support';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const admin = { email: 'admin@netzwerk.example', password: 'Netzwerk-Demo-2024' };

/** The newest mail the SMTP server received for this address (quoted-printable soft breaks undone). */
function newestMailTo(address: string): string | null {
	const dir = process.env.E2E_MAIL_DIR!;
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.eml'))
		.sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]) || b.localeCompare(a));
	for (const file of files) {
		const text = readFileSync(path.join(dir, file), 'utf8');
		if (text.split('\r\n')[0]!.includes(address))
			return text.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
	}
	return null;
}

test('an invited member joins, edits the profile, finds a peer and signs out everywhere', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const email = `neu.${Date.now()}@netzwerk.example`;
	const password = 'Mein-sicheres-Passwort-1';

	// The admin invites a new member into cohort 1.
	await signIn(page, admin.email, admin.password);
	await open(page, '/admin/invitations');
	await expect(page.getByRole('heading', { level: 1, name: 'Einladungen' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Name (optional)').fill('Greta Neumann');
	await page.getByLabel('Durchgang').selectOption({ label: 'Durchgang 1 Brandenburg' });
	await page.getByRole('button', { name: 'Einladung senden' }).click();
	await expect(page.getByText(`Einladung an ${email} verschickt.`)).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Offen');
	await open(page, '/admin/members');
	await expectAccessible(page);

	// The mail arrives at the real SMTP server; the link is read from it.
	await expect.poll(() => newestMailTo(email), { timeout: 20_000 }).not.toBeNull();
	const link = newestMailTo(email)!.match(/http:\/\/[^\s"<>]+\/invite\/[a-z2-7]{32}/)![0];

	// The invited person accepts in their own browser and is signed in.
	const invited = await browser.newContext();
	const member = await invited.newPage();
	await open(member, link);
	await expect(member.getByRole('heading', { level: 1, name: 'Einladung annehmen' })).toBeVisible();
	await expect(member.getByLabel('Ihr Name')).toHaveValue('Greta Neumann');
	await member.getByLabel('Passwort', { exact: true }).fill(password);
	await member.getByLabel('Passwort wiederholen').fill('etwas anderes');
	await member.getByRole('button', { name: 'Zugang anlegen' }).click();
	await expect(member.getByText('Die Passwörter stimmen nicht überein.')).toBeVisible();
	await expect(member.getByLabel('Ihr Name')).toHaveValue('Greta Neumann');
	await member.getByLabel('Passwort', { exact: true }).fill(password);
	await member.getByLabel('Passwort wiederholen').fill(password);
	await member.getByRole('button', { name: 'Zugang anlegen' }).click();
	await expect(member).toHaveURL(/\/settings/);
	await expect(member.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();

	// The used link is dead.
	const reuse = await browser.newPage();
	await open(reuse, link);
	await expect(reuse.getByText('Diese Einladung wurde bereits angenommen.')).toBeVisible();
	await reuse.close();

	// Profile edit.
	await member.getByLabel('Funktion').fill('Smart-City-Managerin');
	await member.getByLabel('Über mich').fill('Ich baue die Datenplattform <b>auf</b>.');
	await member.getByLabel('Schwerpunkte').fill('Open Data, Mobilität, open data');
	await member.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(member.getByText('Profil gespeichert.')).toBeVisible();
	await expectAccessible(member);

	// Find a cohort peer in the directory.
	await open(member, '/members');
	await member.getByLabel('Durchgang').selectOption({ label: 'Durchgang 1 Brandenburg' });
	await member.getByLabel('Name', { exact: true }).fill('Schul');
	await member.getByRole('button', { name: 'Suchen' }).click();
	await expect(member.getByRole('link', { name: 'Anna Schulze' })).toBeVisible();
	await expectAccessible(member);
	await member.getByRole('link', { name: 'Anna Schulze' }).click();
	await expect(member.getByRole('heading', { level: 1, name: 'Anna Schulze' })).toBeVisible();
	await expectAccessible(member);

	// Own profile shows the bio as text, topics normalised.
	await open(member, '/members?q=greta');
	await member.getByRole('main').getByRole('link', { name: 'Greta Neumann' }).click();
	await expect(member.getByText('Ich baue die Datenplattform <b>auf</b>.')).toBeVisible();
	await expect(member.getByRole('link', { name: 'Open Data' })).toHaveCount(1);

	// A second browser of the same member.
	const second = await browser.newContext();
	const other = await second.newPage();
	await signIn(other, email, password);
	await open(other, '/settings');
	await expect(other.locator('main')).toHaveAttribute('data-realtime', 'connected');

	// Sign out everywhere from settings: both browsers are out.
	await open(member, '/settings');
	await expect(member.getByRole('cell', { name: /Dieses Gerät/ })).toBeVisible();
	await member.getByRole('button', { name: 'Überall abmelden' }).click();
	await expect(member).toHaveURL(/\/login/);
	await expect(other.locator('main')).not.toHaveAttribute('data-realtime', 'connected');
	await open(other, '/settings');
	await expect(other).toHaveURL(/\/login/);

	await invited.close();
	await second.close();
});
