import type { Types } from 'mongoose';
import { trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { Member, Workshop, WorkshopRegistration } from '../db/models';
import { cancelJobs, defineJob, scheduleJob } from '../jobs';
import { sendMail } from '../mail';
import type { WorkshopLean } from './access';
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

/** Reminders are planned per workshop and fan out to the people concerned when they are due. */
export async function planReminders(w: Pick<WorkshopLean, '_id' | 'startsAt'>) {
	const id = w._id.toString();
	const plan = [
		['reminder-7d', 7 * day],
		['reminder-1d', day],
		['reminder-unanswered', 3 * day]
	] as const;
	for (const [template, before] of plan) {
		const runAt = new Date(w.startsAt.getTime() - before);
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

function mailText(
	template: WorkshopMailTemplate,
	locale: Locale,
	name: string,
	w: WorkshopLean,
	link: string
) {
	const t = messages(locale).workshops.mail;
	const what = workshopName(w, locale);
	const when = describeWhen(w, locale);
	const texts: Record<WorkshopMailTemplate, { subject: string; text: string }> = {
		invitation: { subject: t.inviteSubject(what), text: t.inviteText(name, what, when, link) },
		promoted: { subject: t.promotedSubject(what), text: t.promotedText(name, what, when, link) },
		cancelled: { subject: t.cancelledSubject(what), text: t.cancelledText(name, what, when) },
		changed: { subject: t.changedSubject(what), text: t.changedText(name, what, when, link) },
		'reminder-7d': {
			subject: t.reminderSubject(what),
			text: t.reminderText(name, what, when, link)
		},
		'reminder-1d': {
			subject: t.reminderSubject(what),
			text: t.reminderText(name, what, when, link)
		},
		'reminder-unanswered': {
			subject: t.unansweredSubject(what),
			text: t.unansweredText(name, what, when, link)
		}
	};
	return texts[template];
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
		const locale = (member.locale ?? 'de') as Locale;
		const link = `${origin}/workshops/${workshopId}`;
		const { subject, text } = mailText(template, locale, member.displayName, w, link);
		await sendMail({
			to: member.email,
			subject,
			text,
			link,
			linkLabel: messages(locale).workshops.mail.openWorkshop
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
