import { SMTPServer } from 'smtp-server';
import PostalMime from 'postal-mime';
import { freePort } from '../../src/lib/server/db/embedded';

export interface Mailbox {
	/** smtp://127.0.0.1:<port>, for SMTP_URL. */
	url: string;
	received: { to: string; body: string }[];
	close(): Promise<void>;
}

/** A real SMTP server on loopback: the app's mail goes over the wire as in production. */
export async function startMailbox(): Promise<Mailbox> {
	const port = await freePort();
	const received: Mailbox['received'] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let body = '';
			stream.on('data', (c: Buffer) => (body += c.toString()));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The token of the first `/<path>/<token>` link in a mail (quoted-printable soft breaks joined). */
export function tokenFrom(body: string, path: string): string {
	const match = body.replace(/=\r?\n/g, '').match(new RegExp(`${path}/([a-z2-7]{32})`));
	if (!match) throw new Error(`no ${path} link in the mail`);
	return match[1]!;
}

export interface ReadMail {
	subject: string;
	text: string;
	html: string;
	/** The `text/calendar` part a mail program reads as an invitation (its `method` parameter). */
	calendar: { method: string | null; content: string } | null;
	/** The .ics file offered as an attachment. */
	icsAttachment: string | null;
}

/** Reads a received message as a mail program does (MIME decoded with postal-mime). */
export async function readMail(body: string): Promise<ReadMail> {
	const mail = await PostalMime.parse(body, { attachmentEncoding: 'utf8' });
	const part = (type: string) => mail.attachments.find((a) => a.mimeType === type);
	const calendar = part('text/calendar');
	return {
		subject: mail.subject ?? '',
		text: mail.text ?? '',
		html: mail.html ?? '',
		calendar: calendar
			? { method: calendar.method ?? null, content: String(calendar.content) }
			: null,
		icsAttachment: part('application/ics') ? String(part('application/ics')!.content) : null
	};
}
