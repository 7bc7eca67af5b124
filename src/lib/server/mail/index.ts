import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import { errorFields, log } from '../log';

export interface MailLink {
	url: string;
	label: string;
}

/** A calendar event sent along (RFC 6047): an invitation, its update, or its cancellation. */
export interface MailCalendar {
	/** Must match the METHOD line of `content`. */
	method: 'REQUEST' | 'CANCEL';
	/** The VCALENDAR text. */
	content: string;
	filename: string;
}

export interface Mail {
	to: string;
	subject: string;
	/**
	 * Plain text body, paragraphs separated by blank lines; the HTML part is derived from it.
	 * Paragraphs holding `link` or a choice's URL become buttons there.
	 */
	text: string;
	/** The one link the mail is about: logged instead of sent when no SMTP_URL is set. */
	link: string;
	linkLabel: string;
	/** One-click choices written in one paragraph of the text (e.g. "Ja / Vielleicht / Nein"). */
	choices?: MailLink[];
	calendar?: MailCalendar;
}

let transporter: Transporter | undefined;

function transport(url: string): Transporter {
	transporter ??= nodemailer.createTransport(url);
	return transporter;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const button = ({ url, label }: MailLink) =>
	`<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 .5em .5em 0;padding:.5em 1em;background:#0b5394;color:#fff;text-decoration:none">${escapeHtml(label)}</a>`;

/**
 * The HTML twin of the text, the only HTML mails get: no remote images, no tracking. The
 * paragraph with the choices becomes a row of buttons where it stands; the main link closes
 * the mail as a button with its address written out beneath.
 */
export function htmlOf(mail: Mail): string {
	const choices = mail.choices ?? [];
	const holdsChoice = (p: string) => choices.some((c) => p.includes(c.url));
	let choicesShown = false;
	const blocks: string[] = [];
	for (const paragraph of mail.text.split(/\n{2,}/)) {
		if (paragraph.includes(mail.link)) continue;
		if (holdsChoice(paragraph)) {
			if (!choicesShown) blocks.push(`<p>${choices.map(button).join('\n')}</p>`);
			choicesShown = true;
			continue;
		}
		blocks.push(`<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`);
	}
	return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${blocks.join('\n')}
<p>${button({ url: mail.link, label: mail.linkLabel })}</p>
<p style="font-size:small">${escapeHtml(mail.link)}</p>
</body></html>`;
}

/**
 * Sends a mail through SMTP_URL. Without it (local development) only the links are logged,
 * at info level, so a developer can follow it; nothing else of the mail is written anywhere.
 * A calendar event goes along the way mail programs expect an invitation: nodemailer adds it
 * as a `text/calendar; method=…` alternative and as an .ics attachment.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const { SMTP_URL, MAIL_FROM } = config();
	if (!SMTP_URL) {
		log.info('Mail not sent (no SMTP_URL); link for local use', {
			link: mail.link,
			...(mail.choices && { choices: mail.choices.map((c) => c.url) })
		});
		return;
	}
	try {
		await transport(SMTP_URL).sendMail({
			from: MAIL_FROM,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: htmlOf(mail),
			...(mail.calendar && {
				icalEvent: {
					method: mail.calendar.method,
					filename: mail.calendar.filename,
					content: mail.calendar.content
				}
			})
		});
	} catch (err) {
		log.error('Mail could not be sent', errorFields(err));
		throw err;
	}
}
