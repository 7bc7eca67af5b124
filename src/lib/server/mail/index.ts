import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '../config';
import { errorFields, log } from '../log';

export interface Mail {
	to: string;
	subject: string;
	/** Plain text body; the HTML part is derived from it (paragraphs, the link as a button). */
	text: string;
	/** The one link the mail is about: logged instead of sent when no SMTP_URL is set. */
	link: string;
	linkLabel: string;
}

let transporter: Transporter | undefined;

function transport(url: string): Transporter {
	transporter ??= nodemailer.createTransport(url);
	return transporter;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Simple HTML twin of the text: no remote images, no tracking, one link. */
export function htmlOf(mail: Mail): string {
	const paragraphs = mail.text
		.split(/\n{2,}/)
		.filter((p) => !p.includes(mail.link))
		.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
	const link = escapeHtml(mail.link);
	return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${paragraphs}
<p><a href="${link}" style="display:inline-block;padding:.5em 1em;background:#0b5394;color:#fff;text-decoration:none">${escapeHtml(mail.linkLabel)}</a></p>
<p style="font-size:small">${link}</p>
</body></html>`;
}

/**
 * Sends a mail through SMTP_URL. Without it (local development) only the link is logged,
 * at info level, so a developer can follow it; nothing else of the mail is written anywhere.
 */
export async function sendMail(mail: Mail): Promise<void> {
	const { SMTP_URL, MAIL_FROM } = config();
	if (!SMTP_URL) {
		log.info('Mail not sent (no SMTP_URL); link for local use', { link: mail.link });
		return;
	}
	try {
		await transport(SMTP_URL).sendMail({
			from: MAIL_FROM,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			html: htmlOf(mail)
		});
	} catch (err) {
		log.error('Mail could not be sent', errorFields(err));
		throw err;
	}
}
