import type { Types } from 'mongoose';
import { trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { rsvpAnswers } from '$lib/workshops';
import { Member, Workshop, WorkshopRegistration } from '../db/models';
import { cancelJobs, defineJob, scheduleJob } from '../jobs';
import { sendMail, type MailCalendar, type MailLink } from '../mail';
import { slugify } from '../text';
import type { WorkshopLean } from './access';
import { invitationCalendar } from './calendar';
import { issueRsvpLinks, withdrawRsvpLinks, type RsvpTokens } from './rsvp-links';
import { describeWhen, workshopName } from './wording';

/**
 * Workshop mails go out as durable jobs, one per recipient: stored, sent once across instances,
 * retried while SMTP is down, and re-planned when the workshop moves (see jobs/).
 */

export type WorkshopMailTemplate =
	| 'invitation'
	| 'promoted'
	| 'cancelled'
	| 'changed'
	| 'reminder-7d'
	| 'reminder-1d'
	| 'reminder-unanswered';

const day = 24 * 60 * 60 * 1000;
let origin = 'http://localhost:3000';
/** The public address used in mail links (set once at start from ORIGIN or the first request). */
/** The workshop page as mails link to it. */
export const workshopPageUrl = (workshopId: string) => `${origin}/workshops/${workshopId}`;
/** Any same-site path as an absolute address (for exported files). */
export const siteUrl = (path: string) => (/^https?:/.test(path) ? path : `${origin}${path}`);

export function setMailOrigin(value: string) {
	origin = value;
}

function mailJobKey(workshopId: string, template: string, memberId: string, round = '') {
	return `workshop:${workshopId}:${template}${round}:${memberId}`;
}

/** One mail to one member, as a job; `round` separates repeated mails of the same kind. */
export async function queueWorkshopMail(
	workshopId: string,
	template: WorkshopMailTemplate,
	memberIds: string[],
	round = ''
) {
	for (const memberId of memberIds)
		await scheduleJob({
			key: mailJobKey(workshopId, template, memberId, round),
			kind: 'workshop-mail',
			runAt: new Date(),
			payload: { workshopId, template, memberId }
		});
}

/**
 * Reminders are planned per workshop and fan out to the people concerned when they are due:
 * the roster 7 days and 1 day before the start, those who have not answered 3 days before
 * registration closes (while their links still work).
 */
export async function planReminders(
	w: Pick<WorkshopLean, '_id' | 'startsAt' | 'registrationDeadline'>
) {
	const id = w._id.toString();
	const plan = [
		['reminder-7d', w.startsAt, 7 * day],
		['reminder-1d', w.startsAt, day],
		['reminder-unanswered', w.registrationDeadline ?? w.startsAt, 3 * day]
	] as const;
	for (const [template, from, before] of plan) {
		const runAt = new Date(from.getTime() - before);
		if (runAt.getTime() < Date.now()) continue;
		await scheduleJob({
			key: `workshop:${id}:${template}`,
			kind: 'workshop-reminders',
			runAt,
			payload: { workshopId: id, template }
		});
	}
}

export async function cancelReminders(workshopId: string) {
	await cancelJobs(
		['reminder-7d', 'reminder-1d', 'reminder-unanswered'].map((t) => `workshop:${workshopId}:${t}`)
	);
}

/** Alumni of the audience cohorts: who gets the invitation when a workshop is published. */
export async function audienceMemberIds(
	w: Pick<WorkshopLean, 'audienceCohortIds'>
): Promise<string[]> {
	const rows = await Member.find(
		{ cohortIds: trusted({ $in: w.audienceCohortIds }), deactivatedAt: null, roles: 'alumni' },
		{ _id: 1 }
	).lean();
	return rows.map((r) => r._id.toString());
}

async function rosterIds(
	workshopId: Types.ObjectId,
	filter: Record<string, unknown>
): Promise<string[]> {
	const rows = await WorkshopRegistration.find({ workshopId, ...filter }, { memberId: 1 }).lean();
	return rows.map((r) => r.memberId.toString());
}

/** Mails about the event itself carry it for the calendar: added, updated, or removed. */
const carriesCalendar: ReadonlySet<WorkshopMailTemplate> = new Set([
	'invitation',
	'promoted',
	'changed',
	'cancelled'
]);
/** Mails that ask for an answer carry the one-click links. */
const asksForAnswer: ReadonlySet<WorkshopMailTemplate> = new Set([
	'invitation',
	'reminder-unanswered'
]);

interface WorkshopMail {
	subject: string;
	text: string;
	choices?: MailLink[];
	calendar?: MailCalendar;
}

function composeMail(
	template: WorkshopMailTemplate,
	locale: Locale,
	name: string,
	w: WorkshopLean,
	parts: { link: string; choices: MailLink[] | null; calendar: MailCalendar | null }
): WorkshopMail {
	const t = messages(locale).workshops.mail;
	const what = workshopName(w, locale);
	const when = describeWhen(w, locale);
	const texts: Record<WorkshopMailTemplate, { subject: string; text: string }> = {
		invitation: { subject: t.inviteSubject(what), text: t.inviteText(name, what, when) },
		promoted: { subject: t.promotedSubject(what), text: t.promotedText(name, what, when) },
		cancelled: { subject: t.cancelledSubject(what), text: t.cancelledText(name, what, when) },
		changed: { subject: t.changedSubject(what), text: t.changedText(name, what, when) },
		'reminder-7d': { subject: t.reminderSubject(what), text: t.reminderText(name, what, when) },
		'reminder-1d': { subject: t.reminderSubject(what), text: t.reminderText(name, what, when) },
		'reminder-unanswered': {
			subject: t.unansweredSubject(what),
			text: t.unansweredText(name, what, when)
		}
	};
	const { choices, calendar } = parts;
	const paragraphs = [texts[template].text];
	if (choices) paragraphs.push(t.answerLinks(choices));
	if (calendar)
		paragraphs.push(calendar.method === 'CANCEL' ? t.calendarCancelled : t.calendarAttached);
	paragraphs.push(parts.link);
	return {
		subject: texts[template].subject,
		text: paragraphs.join('\n\n'),
		...(choices && { choices }),
		...(calendar && { calendar })
	};
}

/** The invitation's event for this member's calendar: METHOD:REQUEST, or CANCEL once cancelled. */
async function calendarFor(w: WorkshopLean, memberId: string, locale: Locale) {
	const content = await invitationCalendar(w, memberId, origin);
	if (!content) return null;
	return {
		method: w.state === 'cancelled' ? 'CANCEL' : 'REQUEST',
		filename: `${slugify(workshopName(w, locale))}.ics`,
		content
	} satisfies MailCalendar;
}

function choicesOf(tokens: RsvpTokens, locale: Locale): MailLink[] {
	const t = messages(locale).workshops.mail;
	const labels = { yes: t.answerYes, maybe: t.answerMaybe, no: t.answerNo };
	return rsvpAnswers.map((answer) => ({
		url: `${origin}/rsvp/${tokens[answer]}`,
		label: labels[answer]
	}));
}

/** Sends one workshop mail to one member; the job retries it when SMTP fails. */
async function sendWorkshopMail(
	w: WorkshopLean,
	template: WorkshopMailTemplate,
	member: { id: string; email: string; displayName: string; locale: Locale }
) {
	const { locale } = member;
	const tokens = asksForAnswer.has(template) ? await issueRsvpLinks(w, member.id) : null;
	// Registration has closed: asking again for an answer makes no sense.
	if (template === 'reminder-unanswered' && !tokens) return;
	const link = `${origin}/workshops/${w._id.toString()}`;
	const mail = composeMail(template, locale, member.displayName, w, {
		link,
		choices: tokens && choicesOf(tokens, locale),
		calendar: carriesCalendar.has(template) ? await calendarFor(w, member.id, locale) : null
	});
	try {
		await sendMail({
			to: member.email,
			link,
			linkLabel: messages(locale).workshops.mail.openWorkshop,
			...mail
		});
	} catch (err) {
		// Links that never arrived must not stay usable; the retry issues new ones.
		if (tokens) await withdrawRsvpLinks(tokens);
		throw err;
	}
}

let defined = false;
/** Registers the job handlers (once per process, from the app's start). */
export function defineWorkshopJobs() {
	if (defined) return;
	defined = true;
	defineJob('workshop-mail', async (payload) => {
		const { workshopId, template, memberId } = payload as {
			workshopId: string;
			template: WorkshopMailTemplate;
			memberId: string;
		};
		const [w, member] = await Promise.all([
			Workshop.findById(workshopId).lean<WorkshopLean>(),
			Member.findById(memberId, {
				email: 1,
				displayName: 1,
				locale: 1,
				deactivatedAt: 1,
				notifications: 1
			}).lean()
		]);
		if (!w || !member || member.deactivatedAt) return;
		if (w.state === 'cancelled' && template !== 'cancelled') return;
		await sendWorkshopMail(w, template, {
			id: memberId,
			email: member.email,
			displayName: member.displayName,
			locale: (member.locale ?? 'de') as Locale
		});
	});
	defineJob('workshop-reminders', async (payload) => {
		const { workshopId, template } = payload as {
			workshopId: string;
			template: WorkshopMailTemplate;
		};
		const w = await Workshop.findById(workshopId, { state: 1, audienceCohortIds: 1 }).lean();
		if (!w || (w.state !== 'published' && w.state !== 'live')) return;
		const recipients =
			template === 'reminder-unanswered'
				? await unanswered(w._id, w.audienceCohortIds)
				: await rosterIds(w._id, { status: 'confirmed' });
		await queueWorkshopMail(workshopId, template, recipients);
	});
}

async function unanswered(
	workshopId: Types.ObjectId,
	audience: Types.ObjectId[]
): Promise<string[]> {
	const answered = new Set(await rosterIds(workshopId, { answer: trusted({ $ne: null }) }));
	return (await audienceMemberIds({ audienceCohortIds: audience })).filter(
		(id) => !answered.has(id)
	);
}
