import { Types } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { formatDate } from '$lib/datetime';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { Workshop, WorkshopRegistration } from '../db/models';
import { renderMarkdown } from '../markdown';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { disclosureFor } from './confidential';
import { outcomesOf } from './outcomes';
import { rankedNeedsForSummary } from './summary-needs';

const dayMs = 24 * 60 * 60 * 1000;
/** The draft starts twelve weeks later, same weekday and time: a placeholder the organiser edits. */
const followUpGapDays = 84;

/** "3. Transfer-Workshop" becomes "4. Transfer-Workshop": the number field, or a leading number. */
export function nextTitle(w: Pick<WorkshopLean, 'number' | 'title'>) {
	if (w.number) return { number: w.number + 1, title: w.title };
	const leading = /^(\d+)\.(\s)/.exec(w.title);
	return {
		number: null,
		title: leading
			? `${Number(leading[1]) + 1}.${leading[2]}${w.title.slice(leading[0].length)}`
			: w.title
	};
}

/** One Markdown list line; the texts come from the workshop, so nothing in them formats. */
const item = (text: string) =>
	`- ${text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1')}`;

/**
 * An organiser starts the next workshop of a series from this one: a draft with the next title,
 * the same audience, format and places, the agenda's skeleton (items without notes or outcomes)
 * and, in its description, the follow-ups and needs still open (as outside the live view:
 * Chatham House applies). Audited on both workshops.
 */
export async function createFollowUpWorkshop(
	actor: Actor,
	input: { workshopId: string; locale: Locale }
): Promise<Result<{ id: string }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	if (!can(actor, 'workshop:create')) return refused('forbidden');
	const w = loaded.value.workshop;
	const t = messages(input.locale).workshopSummary.followUp;
	const from = w.number ? messages(input.locale).workshops.numbered(w.number) : w.title;
	const disclosure = await disclosureFor(w, { live: false, locale: input.locale });
	const [outcomes, allNeeds] = await Promise.all([
		outcomesOf(w, disclosure),
		rankedNeedsForSummary(input.workshopId)
	]);
	// What is done stays behind; what is new or in progress goes on to the next workshop.
	const needs = allNeeds.filter((n) => n.status === 'new' || n.status === 'in-progress');
	const followUps = outcomes.filter((o) => o.kind === 'follow-up');
	const carried = [
		...(followUps.length
			? [
					`## ${t.openTasks(from)}`,
					followUps
						.map((f) =>
							item(
								`${f.text} – ${f.owner ?? ''}${f.dueOn ? ` (${formatDate(f.dueOn, input.locale)})` : ''}`
							)
						)
						.join('\n')
				]
			: []),
		...(needs.length
			? [
					`## ${t.needs(from)}`,
					needs
						.map((n) =>
							item(
								`${n.title}${n.municipality ? ` (${disclosure.municipality(n.itemId ?? null, n.municipality)})` : ''}`
							)
						)
						.join('\n')
				]
			: [])
	];
	const descriptionSource = [w.descriptionSource, ...carried].filter(Boolean).join('\n\n');
	const agenda = w.agenda.map((i) => ({
		_id: new Types.ObjectId(),
		kind: i.kind,
		title: i.title,
		durationMinutes: i.durationMinutes,
		speaker: i.speaker,
		description: i.description,
		method: i.method,
		confidential: i.confidential ?? false,
		nameMunicipality: i.nameMunicipality ?? false
	}));
	if (carried.length)
		agenda.unshift({
			_id: new Types.ObjectId(),
			kind: 'item',
			title: t.review(from),
			durationMinutes: 15,
			speaker: '',
			description: carried.join('\n\n'),
			method: 'discussion',
			confidential: false,
			nameMunicipality: false
		});
	const gap = followUpGapDays * dayMs;
	const draft = await Workshop.create({
		...nextTitle(w),
		descriptionSource,
		descriptionHtml: renderMarkdown(descriptionSource),
		startsAt: new Date(w.startsAt.getTime() + gap),
		endsAt: new Date(w.endsAt.getTime() + gap),
		timeZone: w.timeZone,
		format: w.format,
		onlineUrl: w.onlineUrl,
		address: w.address,
		organiserIds: [new Types.ObjectId(actor.id)],
		audienceCohortIds: w.audienceCohortIds,
		capacity: w.capacity,
		supervisorSeats: w.supervisorSeats,
		guestAccessDays: w.guestAccessDays,
		agenda,
		confidential: w.confidential ?? false,
		participantUploads: w.participantUploads ?? false,
		followsWorkshopId: w._id,
		createdBy: new Types.ObjectId(actor.id)
	});
	await WorkshopRegistration.create({
		workshopId: draft._id,
		memberId: new Types.ObjectId(actor.id),
		role: 'organiser'
	});
	const id = draft._id.toString();
	for (const [targetId, action] of [
		[id, 'workshop.create'],
		[input.workshopId, 'workshop.follow-up']
	] as const)
		await record({
			actorId: actor.id,
			action,
			targetType: 'workshop',
			targetId,
			summary: draft.title,
			details: { from: input.workshopId, to: id }
		});
	return ok({ id });
}
