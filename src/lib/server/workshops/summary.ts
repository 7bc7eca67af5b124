import { Readable } from 'node:stream';
import { messages, type Locale } from '$lib/i18n';
import { formatDate } from '$lib/datetime';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { trusted } from 'mongoose';
import { oid } from '../db/ids';
import { ForumCategory, Member, Workshop, WorkshopRegistration } from '../db/models';
import { serialised } from '../db/serial';
import * as forum from '../forum';
import { renderMarkdown } from '../markdown';
import { notify } from '../notifications';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type LoadedWorkshop } from './access';
import { disclosureFor } from './confidential';
import { materialsOf } from './materials';
import { siteUrl } from './mail';
import { outcomesOf } from './outcomes';
import { rankedNeedsForSummary, type RankedNeed } from './summary-needs';
import { summaryPdf } from './summary-pdf';
import { describeWhen, workshopName } from './wording';

/** What a workshop leaves behind, as the forum thread, the Markdown and the PDF show it. */
export interface WorkshopSummary {
	workshopId: string;
	/** "3. Transfer-Workshop: Agiles Arbeiten". */
	name: string;
	heading: string;
	when: string;
	confidential: boolean;
	agenda: { title: string; section: boolean; minutes: number; speaker: string }[];
	needs: RankedNeed[];
	decisions: { item: string; text: string }[];
	followUps: { item: string; text: string; owner: string; due: string }[];
	materials: { title: string; href: string }[];
}

const topNeedsInSummary = 10;

/**
 * The summary, always as outside the live view: in a confidential workshop names and
 * municipalities are replaced (confidential.ts), whoever asks and wherever it goes.
 */
export async function buildSummary(
	actor: Actor,
	loaded: LoadedWorkshop,
	locale: Locale
): Promise<WorkshopSummary> {
	const w = loaded.workshop;
	const id = w._id.toString();
	const t = messages(locale).workshopSummary.summary;
	const disclosure = await disclosureFor(w, { live: false, locale });
	const [outcomes, needs, materials] = await Promise.all([
		outcomesOf(w, disclosure),
		rankedNeedsForSummary(id),
		materialsOf(actor, loaded)
	]);
	const titleOf = new Map(w.agenda.map((i) => [i._id.toString(), i.title]));
	const name = workshopName(w, locale);
	return {
		workshopId: id,
		name,
		heading: t.heading(name),
		when: describeWhen(w, locale),
		confidential: disclosure.confidential(null) || w.agenda.some((i) => i.confidential),
		agenda: w.agenda.map((i) => ({
			title: i.title,
			section: i.kind === 'section',
			minutes: i.durationMinutes,
			speaker: disclosure.person(i._id.toString(), i.speaker)
		})),
		// The top of the ranking; the full list stays in the needs register.
		needs: needs.slice(0, topNeedsInSummary).map((n) => ({
			...n,
			municipality: disclosure.municipality(n.itemId ?? null, n.municipality)
		})),
		decisions: outcomes
			.filter((o) => o.kind === 'decision')
			.map((o) => ({ item: titleOf.get(o.itemId) ?? '', text: o.text })),
		followUps: outcomes
			.filter((o) => o.kind === 'follow-up')
			.map((o) => ({
				item: titleOf.get(o.itemId) ?? '',
				text: o.text,
				owner: o.owner ?? '',
				due: o.dueOn ? formatDate(o.dueOn, locale) : ''
			})),
		materials: (materials?.items ?? []).map((m) => ({ title: m.title, href: siteUrl(m.href) }))
	};
}

/** Text from the workshop as Markdown text: no heading, list, link or HTML of its own. */
const inline = (text: string) =>
	text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|!~]|^[-+]|^\d+\.)/g, '\\$1');

/** The summary as Markdown: the forum thread's body and the downloaded file. */
export function summaryMarkdown(s: WorkshopSummary, locale: Locale): string {
	const t = messages(locale).workshopSummary.summary;
	const list = <T>(items: T[], line: (item: T) => string) =>
		items.length ? items.map(line).join('\n') : t.none;
	const parts = [
		`**${t.when}:** ${inline(s.when)}`,
		...(s.confidential ? [`> ${inline(t.confidentialNote)}`] : []),
		`## ${t.agenda}`,
		list(s.agenda, (i) =>
			i.section
				? `\n**${inline(i.title)}**\n`
				: `- ${inline(i.title)}${i.minutes ? ` (${i.minutes} min)` : ''}${i.speaker ? ` – ${inline(i.speaker)}` : ''}`
		),
		`## ${t.needs}`,
		list(
			s.needs,
			(n) =>
				`- ${inline(n.title)}${n.municipality ? ` (${inline(n.municipality)})` : ''}: ${t.dots(n.dots)}${n.tie ? `, ${t.tie}` : ''}`
		),
		`## ${t.decisions}`,
		list(s.decisions, (d) => `- ${inline(d.item)}: ${inline(d.text)}`),
		`## ${t.followUps}`,
		list(
			s.followUps,
			(f) =>
				`- ${inline(f.text)} – ${inline(f.owner)}${f.due ? `, ${t.due(f.due)}` : ''} (${inline(f.item)})`
		),
		`## ${t.materials}`,
		list(
			s.materials,
			(m) => `- [${inline(m.title)}](<${m.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
		)
	];
	return `${parts.join('\n\n')}\n`;
}

export type SummaryFormat = 'md' | 'pdf';

export interface SummaryFile {
	filename: string;
	contentType: string;
	body: ReadableStream<Uint8Array>;
}

/** The summary as a file: Markdown or PDF, for those who read the workshop's notes. */
export async function exportSummary(
	actor: Actor,
	input: { workshopId: string; format: SummaryFormat; locale: Locale }
): Promise<Result<SummaryFile>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	const summary = await buildSummary(actor, loaded.value, input.locale);
	const stream =
		input.format === 'md'
			? Readable.from([
					`# ${summary.heading}\n\n${summaryMarkdown(summary, input.locale)}${linkBack(summary)}`
				])
			: summaryPdf(summary, input.locale);
	return ok({
		filename: `${summary.heading}.${input.format}`,
		contentType: input.format === 'md' ? 'text/markdown; charset=utf-8' : 'application/pdf',
		body: Readable.toWeb(stream) as ReadableStream<Uint8Array>
	});
}

/** The downloaded file names its workshop's page; the forum thread shows the link itself. */
const linkBack = (s: WorkshopSummary) =>
	`\n[${inline(s.name)}](<${siteUrl(`/workshops/${s.workshopId}`)}>)\n`;

export interface SummaryPageDto {
	workshop: { id: string; name: string };
	/** The summary as the thread shows it, rendered once here. */
	html: string;
	threadHref: string | null;
	/** The organiser's publish form: the categories they may post in (first publication). */
	publish: { categories: { id: string; name: string }[]; allowed: boolean } | null;
	mayFollowUp: boolean;
}

const publishable = (state: string) => state === 'live' || state === 'closed';

/** The summary page: the summary itself, downloads, and the organisers' actions. */
export async function getSummaryPage(
	actor: Actor,
	input: { workshopId: string; locale: Locale }
): Promise<Result<SummaryPageDto>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	const summary = await buildSummary(actor, loaded.value, input.locale);
	const manages = can(actor, 'workshop:manage', resource);
	const categories =
		manages && !workshop.summaryThreadId
			? (await forum.listCategories(actor)).filter((c) => c.canPost)
			: [];
	return ok({
		workshop: { id: input.workshopId, name: summary.name },
		html: renderMarkdown(summaryMarkdown(summary, input.locale), { profile: 'full' }),
		threadHref: workshop.summaryThreadId ? `/forum/t/${workshop.summaryThreadId.toString()}` : null,
		publish: manages
			? {
					categories: categories.map((c) => ({ id: c.id, name: c.name })),
					allowed: publishable(workshop.state)
				}
			: null,
		mayFollowUp: can(actor, 'workshop:create')
	});
}

/**
 * Publishes the summary as a forum thread in a category the organiser may post in, linked both
 * ways, and tells the participants (the roster with "yes") who may read that category.
 * Publishing again edits the thread's opening post as a new version (the forum keeps the
 * history) and tells nobody again; the category then stays where the thread is.
 */
export function publishSummary(
	actor: Actor,
	input: { workshopId: string; categoryId: string | null; locale: Locale }
): Promise<Result<{ threadId: string; updated: boolean }>> {
	// Two organisers publishing at once must not open two threads.
	return serialised(`workshop-summary:${input.workshopId}`, async () => {
		const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
		if (!loaded.ok) return loaded;
		const w = loaded.value.workshop;
		if (!publishable(w.state)) return refused('invalid', 'workshopSummary.errors.notYet');
		const summary = await buildSummary(actor, loaded.value, input.locale);
		const body = summaryMarkdown(summary, input.locale);
		if (w.summaryThreadId) {
			const edited = await forum.editOpeningPost(actor, {
				threadId: w.summaryThreadId.toString(),
				body
			});
			if (!edited.ok) return refused('conflict', 'workshopSummary.errors.threadGone');
			await audit(actor, input.workshopId, 'workshop.summary-update', summary.name);
			return ok({ threadId: w.summaryThreadId.toString(), updated: true });
		}
		if (!input.categoryId) return refused('invalid', 'validation.required', 'categoryId');
		const created = await forum.createThread(actor, {
			categoryId: input.categoryId,
			title: summary.heading.slice(0, 200),
			body,
			tags: [],
			fromWorkshop: { id: input.workshopId, number: w.number ?? null, title: w.title }
		});
		if (!created.ok)
			return refused(
				created.failure.code === 'not_found' ? 'invalid' : created.failure.code,
				'workshopSummary.errors.categoryForbidden',
				'categoryId'
			);
		const { threadId } = created.value;
		await Workshop.updateOne({ _id: w._id }, { $set: { summaryThreadId: threadId } });
		await audit(actor, input.workshopId, 'workshop.summary-publish', summary.name);
		await notifyParticipants(actor, { ...input, categoryId: input.categoryId }, threadId, summary);
		return ok({ threadId, updated: false });
	});
}

const audit = (actor: Actor, workshopId: string, action: string, summary: string) =>
	record({ actorId: actor.id, action, targetType: 'workshop', targetId: workshopId, summary });

/** The roster with "yes" who may read the thread's category and want workshop notifications. */
async function notifyParticipants(
	actor: Actor,
	input: { workshopId: string; categoryId: string; locale: Locale },
	threadId: string,
	summary: WorkshopSummary
): Promise<void> {
	const category = await ForumCategory.findById(oid(input.categoryId), {
		readRoles: 1,
		postRoles: 1
	}).lean();
	if (!category) return;
	const rows = await WorkshopRegistration.find(
		{ workshopId: oid(input.workshopId), answer: 'yes' },
		{ memberId: 1 }
	)
		.limit(2000)
		.lean();
	const members = await Member.find(
		{ _id: trusted({ $in: rows.map((r) => r.memberId) }), deactivatedAt: null },
		{ roles: 1, cohortIds: 1, notifications: 1 }
	).lean();
	const readers = members
		.filter(
			(m) =>
				m.notifications?.workshops !== false &&
				can(
					{ id: m._id.toString(), roles: m.roles, cohortIds: m.cohortIds.map(String) },
					'forum:read',
					category
				)
		)
		.map((m) => m._id.toString());
	const t = messages(input.locale).workshopSummary.summary;
	await notify(readers, {
		kind: 'workshop',
		actorId: actor.id,
		title: t.notificationTitle(summary.name),
		text: t.notificationText,
		link: `/forum/t/${threadId}`
	});
}
