import { Types } from 'mongoose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import {
	createForumCategory,
	createMunicipality,
	newActor,
	storeMembers
} from '../../../../tests/support/records';
import { refusalOf, valueOf } from '../../../../tests/support/result';
import { storeWorkshop } from '../../../../tests/support/workshops';
import {
	AuditEntry,
	ForumPost,
	ForumThread,
	Notification,
	Workshop,
	WorkshopOutcome,
	WorkshopRegistration
} from '../db/models';
import * as forum from '../forum';
import {
	addMaterialLink,
	createFollowUpWorkshop,
	exportSummary,
	getSummaryPage,
	getWorkshopPage,
	publishSummary,
	type SummaryFormat
} from './index';

useTestDatabase('workshop_summary');

const cohortId = new Types.ObjectId().toString();
const organiser = { ...newActor(['organiser']), displayName: 'Olga Organisation' };
const anna = { ...newActor(['alumni'], [cohortId]), displayName: 'Anna Schulze' };
const jonas = { ...newActor(['alumni'], [cohortId]), displayName: 'Jonas Becker' };
/** On the roster with "yes", but the chosen category is not hers to read. */
const petra = { ...newActor(['supervisor']), displayName: 'Petra Lange' };
const [welcome, needs] = [new Types.ObjectId(), new Types.ObjectId()];
let workshopId: string;
let transfer: string;
let staffOnly: string;

beforeAll(async () => {
	const potsdam = await createMunicipality('Potsdam');
	await storeMembers([organiser, petra, jonas, { ...anna, municipalityId: potsdam }]);
	transfer = await createForumCategory('Transfer', ['alumni', 'organiser', 'moderator', 'admin']);
	staffOnly = await createForumCategory('Intern', ['admin']);
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		number: 3,
		title: 'Agiles Arbeiten',
		state: 'closed',
		closedAt: new Date(),
		confidential: true,
		agenda: [
			{ _id: welcome, kind: 'item', title: 'Begrüßung', durationMinutes: 15 },
			{ _id: needs, kind: 'item', title: 'Bedarfe der Kommunen', durationMinutes: 60 }
		]
	});
	await WorkshopRegistration.create([
		{ workshopId, memberId: organiser.id, role: 'organiser' },
		...[anna, jonas].map((a) => ({
			workshopId,
			memberId: a.id,
			role: 'participant',
			status: 'confirmed',
			answer: 'yes'
		})),
		{ workshopId, memberId: petra.id, role: 'supervisor', status: 'confirmed', answer: 'yes' }
	]);
	await WorkshopOutcome.create([
		{
			workshopId,
			itemId: needs,
			kind: 'decision',
			text: 'Anna Schulze aus Potsdam lädt zum nächsten Treffen ein.',
			createdBy: organiser.id
		},
		{
			workshopId,
			itemId: needs,
			kind: 'follow-up',
			text: 'Vorlage für Förderanträge teilen',
			ownerId: anna.id,
			dueOn: new Date('2030-11-01'),
			createdBy: organiser.id
		}
	]);
	valueOf(
		await addMaterialLink(organiser, {
			workshopId,
			title: 'Kanban-Leitfaden',
			url: 'https://example.org/kanban.pdf'
		})
	);
});

const publish = (who: typeof organiser, id = workshopId, categoryId: string | null = transfer) =>
	publishSummary(who, { workshopId: id, categoryId, locale: 'de' });

async function download(format: SummaryFormat) {
	const file = valueOf(await exportSummary(anna, { workshopId, format, locale: 'de' }));
	const chunks: Buffer[] = [];
	for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>)
		chunks.push(Buffer.from(chunk));
	return { ...file, bytes: Buffer.concat(chunks) };
}

async function pdfText(bytes: Buffer): Promise<string> {
	const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
	const pages: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const content = await (await pdf.getPage(n)).getTextContent();
		pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
	}
	return pages.join('\n');
}

const notificationsOf = (memberId: string) =>
	Notification.find({ memberId: new Types.ObjectId(memberId), kind: 'workshop' }).lean();

describe('workshop summary', () => {
	it('is published by organisers only, in a category they may post in, after the workshop began', async () => {
		expect(await publish(anna)).toMatchObject({ failure: { code: 'forbidden' } });
		expect(await publish(organiser, new Types.ObjectId().toString())).toMatchObject({
			failure: { code: 'not_found' }
		});
		expect(refusalOf(await publish(organiser, workshopId, staffOnly))).toBe(
			'workshopSummary.errors.categoryForbidden'
		);
		expect(refusalOf(await publish(organiser, workshopId, null))).toBe('validation.required');
		const upcoming = await storeWorkshop(organiser.id, cohortId, { state: 'published' });
		expect(refusalOf(await publish(organiser, upcoming))).toBe('workshopSummary.errors.notYet');
		expect(await ForumThread.countDocuments()).toBe(0);
		const page = valueOf(await getSummaryPage(organiser, { workshopId, locale: 'de' }));
		expect(page.publish!.categories.map((c) => c.name)).toEqual(['Transfer']);
		expect(valueOf(await getSummaryPage(anna, { workshopId, locale: 'de' })).publish).toBeNull();
	});

	it('creates one thread linked both ways, without names, and tells the participants once', async () => {
		const first = valueOf(await publish(organiser));
		expect(first.updated).toBe(false);
		const { threadId } = first;
		expect(valueOf(await getWorkshopPage(anna, workshopId)).summaryThreadHref).toBe(
			`/forum/t/${threadId}`
		);
		const opened = valueOf(await forum.openThread(anna, { threadId, from: 1 }));
		if (!('page' in opened)) throw new Error('redirected');
		expect(opened.page.thread.fromWorkshop).toEqual({
			href: `/workshops/${workshopId}`,
			number: 3,
			title: 'Agiles Arbeiten'
		});
		expect(opened.page.thread.title).toBe('Zusammenfassung: 3. Transfer-Workshop: Agiles Arbeiten');
		const html = opened.page.view.posts[0]!.html;
		for (const part of [
			'Begrüßung',
			'Beschlüsse',
			'Teilnehmer:in aus Teilnehmer:in lädt zum nächsten Treffen ein.',
			'Vorlage für Förderanträge teilen – Teilnehmer:in, fällig am 01.11.2030',
			'href="https://example.org/kanban.pdf"'
		])
			expect(html).toContain(part);
		expect(html).not.toMatch(/Anna|Potsdam/);

		for (const who of [anna, jonas]) {
			const mine = await notificationsOf(who.id);
			expect(mine.map((n) => n.link)).toEqual([`/forum/t/${threadId}`]);
		}
		expect(await notificationsOf(petra.id)).toHaveLength(0);
		expect(await notificationsOf(organiser.id)).toHaveLength(0);
		expect(
			await AuditEntry.countDocuments({ targetId: workshopId, action: 'workshop.summary-publish' })
		).toBe(1);
	});

	it('published again edits the opening post as a new version and tells nobody again', async () => {
		await WorkshopOutcome.create({
			workshopId,
			itemId: welcome,
			kind: 'decision',
			text: 'Nächster Termin im Frühjahr',
			createdBy: organiser.id
		});
		const again = valueOf(await publish(organiser, workshopId, null));
		const { summaryThreadId } = (await Workshop.findById(workshopId).lean())!;
		expect(again).toEqual({ threadId: summaryThreadId!.toString(), updated: true });
		expect(await ForumThread.countDocuments()).toBe(1);
		const post = (await ForumPost.findOne({ threadId: summaryThreadId, number: 1 }).lean())!;
		expect(post.editCount).toBe(1);
		expect(post.source).toContain('Nächster Termin im Frühjahr');
		expect(await notificationsOf(anna.id)).toHaveLength(1);
	});

	it('downloads as Markdown and as a PDF with umlauts, names replaced in both', async () => {
		const md = await download('md');
		expect(md.contentType).toBe('text/markdown; charset=utf-8');
		expect(md.filename).toBe('Zusammenfassung: 3. Transfer-Workshop: Agiles Arbeiten.md');
		const text = md.bytes.toString('utf8');
		expect(text.startsWith('# Zusammenfassung: 3. Transfer-Workshop')).toBe(true);
		expect(text).toContain('## Beschlüsse');
		expect(text).toContain('Teilnehmer:in');
		expect(text).not.toMatch(/Anna|Potsdam/);

		const pdf = await download('pdf');
		expect(pdf.contentType).toBe('application/pdf');
		expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const extracted = await pdfText(pdf.bytes);
		for (const part of [
			'Zusammenfassung',
			'Begrüßung',
			'Beschlüsse',
			'Förderanträge',
			'Teilnehmer:in'
		])
			expect(extracted).toContain(part);
		expect(extracted).not.toMatch(/Anna|Potsdam/);

		// In the audience but not on the roster: no notes, so no summary; a guessed id is missing.
		const outsider = newActor(['alumni'], [cohortId]);
		for (const [id, code] of [
			[workshopId, 'forbidden'],
			[new Types.ObjectId().toString(), 'not_found']
		])
			expect(
				await exportSummary(outsider, { workshopId: id!, format: 'md', locale: 'de' })
			).toMatchObject({ failure: { code } });
	});
});

describe('follow-up workshop', () => {
	it('is a draft with the next title, audience, agenda skeleton and the open follow-ups', async () => {
		expect(await createFollowUpWorkshop(anna, { workshopId, locale: 'de' })).toMatchObject({
			failure: { code: 'forbidden' }
		});
		expect(
			await createFollowUpWorkshop(organiser, {
				workshopId: new Types.ObjectId().toString(),
				locale: 'de'
			})
		).toMatchObject({ failure: { code: 'not_found' } });
		const { id } = valueOf(await createFollowUpWorkshop(organiser, { workshopId, locale: 'de' }));
		const draft = (await Workshop.findById(id).lean())!;
		expect(draft).toMatchObject({ number: 4, title: 'Agiles Arbeiten', state: 'draft' });
		expect(draft.confidential).toBe(true);
		expect(draft.followsWorkshopId!.toString()).toBe(workshopId);
		expect(draft.audienceCohortIds.map(String)).toEqual([cohortId]);
		expect(draft.agenda.map((i: { title: string }) => i.title)).toEqual([
			'Rückblick auf den 3. Transfer-Workshop',
			'Begrüßung',
			'Bedarfe der Kommunen'
		]);
		expect(draft.descriptionSource).toContain('## Offene Aufgaben aus dem 3. Transfer-Workshop');
		expect(draft.descriptionSource).toContain('- Vorlage für Förderanträge teilen – Teilnehmer:in');
		expect(draft.descriptionSource).not.toContain('Anna');
		expect(draft.summaryThreadId).toBeNull();
		expect(
			await WorkshopRegistration.countDocuments({ workshopId: id, memberId: organiser.id })
		).toBe(1);
		expect(
			await AuditEntry.countDocuments({ targetId: workshopId, action: 'workshop.follow-up' })
		).toBe(1);
	});
});
