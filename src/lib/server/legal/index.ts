import type { LegalPageKey } from '$lib/legal';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { LegalPage } from '../db/models';
import * as limits from '../limits';
import { sendMail } from '../mail';
import { renderMarkdown } from '../markdown';
import { ok, refused, type Result } from '../result';
import { legalTemplates } from './templates';

export interface LegalPageDto {
	key: LegalPageKey;
	markdown: string;
	html: string;
	/** Never saved by the operator: the page shows the shipped template. */
	isTemplate: boolean;
	/** Accessibility statement: where feedback goes ('' = no form, the text names a contact). */
	feedbackEmail: string;
	updatedAt: string | null;
}

/** A legal page as visitors read it; public, like the pages themselves. */
export async function getLegalPage(key: LegalPageKey): Promise<LegalPageDto> {
	const saved = await LegalPage.findOne({ key }).lean();
	const markdown = saved?.markdown ?? legalTemplates[key];
	return {
		key,
		markdown,
		html: renderMarkdown(markdown),
		isTemplate: !saved,
		feedbackEmail: saved?.feedbackEmail ?? '',
		updatedAt: saved?.updatedAt?.toISOString() ?? null
	};
}

export interface LegalPageInput {
	key: LegalPageKey;
	markdown: string;
	feedbackEmail: string;
}

/** Saves the operator's text of a legal page (admins only, audited). */
export async function updateLegalPage(
	actor: Actor,
	input: LegalPageInput
): Promise<Result<LegalPageDto>> {
	if (!can(actor, 'legal:manage')) return refused('forbidden');
	const feedbackEmail = input.key === 'barrierefreiheit' ? input.feedbackEmail : '';
	const saved = await LegalPage.findOneAndUpdate(
		{ key: input.key },
		{ $set: { markdown: input.markdown, feedbackEmail, updatedBy: oid(actor.id) } },
		{ upsert: true, returnDocument: 'after' }
	).lean();
	await record({
		actorId: actor.id,
		action: 'legal.update',
		targetType: 'legal',
		targetId: saved._id.toString(),
		summary: input.key
	});
	return ok(await getLegalPage(input.key));
}

export interface AccessibilityFeedback {
	message: string;
	/** Where the sender wants the answer ('' = anonymous). */
	email: string;
	/** The page with the barrier, as the sender gave it. */
	pageAddress: string;
}

/**
 * Mails a visitor's report of a barrier to the address the operator set. Counted per network
 * address, so the form cannot be used to flood the operator's mailbox.
 */
export async function sendAccessibilityFeedback(
	feedback: AccessibilityFeedback,
	senderAddress: string,
	origin: string
): Promise<Result<null>> {
	const page = await getLegalPage('barrierefreiheit');
	if (!page.feedbackEmail) return refused('unavailable', 'legal.feedbackUnavailable');
	if (!(await limits.take('accessibilityFeedback', senderAddress)))
		return refused('rate_limited', 'legal.feedbackTooOften');
	const statement = `${origin}/barrierefreiheit`;
	const mail = {
		to: page.feedbackEmail,
		subject: 'Rückmeldung zur Barrierefreiheit',
		text: [
			'Über das Formular der Erklärung zur Barrierefreiheit kam diese Rückmeldung:',
			feedback.message,
			`Betroffene Seite: ${feedback.pageAddress || 'nicht angegeben'}`,
			`Antwort erbeten an: ${feedback.email || 'keine Adresse angegeben'}`,
			`Erklärung zur Barrierefreiheit: ${statement}`
		].join('\n\n'),
		link: statement,
		linkLabel: 'Erklärung zur Barrierefreiheit öffnen'
	};
	try {
		await sendMail(mail);
	} catch {
		// Logged by the mail module; the visitor keeps the text and may try again.
		return refused('unavailable', 'legal.feedbackNotSent');
	}
	return ok(null);
}
