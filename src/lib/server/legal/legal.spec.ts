import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { readMail, startMailbox, type Mailbox } from '../../../../tests/support/mail';
import { newActor } from '../../../../tests/support/records';
import { AuditEntry, LegalPage } from '../db/models';
import * as limits from '../limits';
import { seedLegalPages } from './demo';
import * as legal from './index';

useTestDatabase('legal');

const admin = newActor(['admin']);
const organiser = newActor(['organiser']);
const statement = (feedbackEmail: string) => ({
	key: 'barrierefreiheit' as const,
	markdown: '# Erklärung zur Barrierefreiheit\n\nWir sind bemüht.',
	feedbackEmail
});
const report = {
	message: 'Der Kalender ist per Tastatur nicht bedienbar.',
	email: '',
	pageAddress: '/workshops'
};

let mailbox: Mailbox;
beforeAll(async () => {
	mailbox = await startMailbox();
	process.env.SMTP_URL = mailbox.url;
});
afterAll(() => mailbox.close());

describe('legal pages', () => {
	it('show the shipped template until an admin saves a text, then that text, sanitised', async () => {
		const template = await legal.getLegalPage('impressum');
		expect(template).toMatchObject({ isTemplate: true, updatedAt: null });
		expect(template.html).toContain('<h1>Impressum</h1>');

		const saved = await legal.updateLegalPage(admin, {
			key: 'impressum',
			markdown: '# Impressum\n\nStadt Musterhausen <script>alert(1)</script>',
			feedbackEmail: 'ignored@example.org'
		});
		expect(saved).toMatchObject({ ok: true, value: { isTemplate: false, feedbackEmail: '' } });
		const page = await legal.getLegalPage('impressum');
		expect(page.html).toContain('Stadt Musterhausen');
		expect(page.html).not.toContain('<script');
		expect(await AuditEntry.countDocuments({ action: 'legal.update' })).toBe(1);
	});

	it('are edited by admins only', async () => {
		expect(await legal.updateLegalPage(organiser, statement(''))).toMatchObject({
			ok: false,
			failure: { code: 'forbidden' }
		});
		expect(await LegalPage.countDocuments({ key: 'barrierefreiheit' })).toBe(0);
	});

	it('demo data fills the templates without leaving a placeholder, and keeps an edited text', async () => {
		await seedLegalPages();
		for (const key of ['datenschutz', 'barrierefreiheit'] as const) {
			const page = await legal.getLegalPage(key);
			expect(page.markdown).not.toMatch(/\[[^\]]*\](?!\()/);
		}
		expect((await legal.getLegalPage('impressum')).markdown).toContain('Stadt Musterhausen');
	});
});

describe('accessibility feedback', () => {
	it('is refused with a clear message while no address is set', async () => {
		await legal.updateLegalPage(admin, statement(''));
		expect(await legal.sendAccessibilityFeedback(report, '192.0.2.1', 'http://x')).toEqual({
			ok: false,
			failure: { code: 'unavailable', message: 'legal.feedbackUnavailable' }
		});
	});

	it('reaches the operator by mail with the report, the page and the reply address', async () => {
		await legal.updateLegalPage(admin, statement('barrieren@example.org'));
		const before = mailbox.received.length;
		const sent = await legal.sendAccessibilityFeedback(
			{ ...report, email: 'besucherin@example.org' },
			'192.0.2.2',
			'https://netzwerk.example'
		);
		expect(sent).toEqual({ ok: true, value: null });
		const received = mailbox.received.slice(before);
		expect(received.map((m) => m.to)).toEqual(['barrieren@example.org']);
		const mail = await readMail(received[0]!.body);
		expect(mail.subject).toBe('Rückmeldung zur Barrierefreiheit');
		expect(mail.text).toContain(report.message);
		expect(mail.text).toContain('/workshops');
		expect(mail.text).toContain('besucherin@example.org');
	});

	it('is limited per network address', async () => {
		await limits.clear('accessibilityFeedback', '192.0.2.3');
		const results = [];
		for (let i = 0; i < 6; i++)
			results.push(await legal.sendAccessibilityFeedback(report, '192.0.2.3', 'http://x'));
		expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
		expect(results[5]).toMatchObject({ ok: false, failure: { code: 'rate_limited' } });
	});
});
