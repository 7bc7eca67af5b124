import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFilterSchema, type NeedCreateInput } from '$lib/schemas/needs';
import { useTestDatabase } from '../../../../tests/support/db';
import { readStream } from '../../../../tests/support/files';
import { newActor, storeMembers } from '../../../../tests/support/records';
import { refusalOf, valueOf } from '../../../../tests/support/result';
import { storeWorkshop } from '../../../../tests/support/workshops';
import type { Actor } from '../auth/permissions';
import {
	AuditEntry,
	Municipality,
	Need,
	Survey,
	SurveyResponse,
	WorkshopNoteVersion,
	WorkshopRegistration
} from '../db/models';
import {
	createNeed,
	getNeedDraft,
	getNeedPage,
	mergeNeeds,
	setNeedStatus,
	updateNeed
} from './needs';
import { exportRegister, listRegister, registerPageSize } from './needs-register';

useTestDatabase('needs');

const cohortId = new Types.ObjectId().toString();
const otherCohortId = new Types.ObjectId().toString();
const organiser = newActor(['organiser']);
const anna = newActor(['alumni'], [cohortId]);
/** Of another cohort: sees neither workshop of `cohortId`. */
const karl = newActor(['alumni'], [otherCohortId]);
const petra = newActor(['supervisor']);
const itemId = new Types.ObjectId();
let workshopId: string;
let otherWorkshopId: string;
let potsdam: string;

const manual = (fields: Partial<NeedCreateInput> = {}): NeedCreateInput => ({
	title: 'Breitband',
	descriptionSource: 'Glasfaser **fehlt**.<script>alert(1)</script>',
	municipality: 'mehrere',
	topic: 'Digitalisierung',
	sourceKind: 'manual',
	questionId: null,
	responseId: null,
	itemId: null,
	...fields
});
const create = async (who: Actor, fields: Partial<NeedCreateInput> = {}, id = workshopId) =>
	createNeed(who, { workshopId: id, ...manual(fields) });
const filter = (raw: Record<string, string> = {}) => registerFilterSchema.parse(raw);

beforeAll(async () => {
	await storeMembers([organiser, anna, karl, petra]);
	potsdam = (await Municipality.create({ name: 'Potsdam', state: 'Brandenburg' }))._id.toString();
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'live',
		number: 2,
		agenda: [{ _id: itemId, kind: 'item', title: 'Was fehlt den Kommunen?', durationMinutes: 30 }]
	});
	otherWorkshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'published',
		number: 3,
		title: 'Fördermittel'
	});
	await WorkshopRegistration.create([
		{ workshopId, memberId: anna.id, role: 'participant', status: 'confirmed', answer: 'yes' },
		{ workshopId, memberId: petra.id, role: 'supervisor', status: 'confirmed', answer: 'yes' }
	]);
});

describe('need cards', () => {
	it('organisers write a card by hand: Markdown sanitised, audited; others are refused', async () => {
		const { id } = valueOf(await create(organiser, { municipality: potsdam }));
		const page = valueOf(await getNeedPage(anna, { workshopId, needId: id }));
		expect(page.need).toMatchObject({
			title: 'Breitband',
			municipality: { id: potsdam, name: 'Potsdam' },
			status: 'new',
			sources: [{ kind: 'manual', href: null }]
		});
		expect(page.need.descriptionHtml).toContain('<strong>fehlt</strong>');
		expect(page.need.descriptionHtml).not.toContain('<script');
		expect(page.flags).toEqual({ mayManage: false, mayMerge: false });
		expect(await AuditEntry.countDocuments({ action: 'need.create', targetId: id })).toBe(1);

		const before = await Need.countDocuments();
		expect(refusalOf(await create(anna))).toBe('errors.forbidden');
		expect(refusalOf(await create(karl))).toBe('errors.notFound');
		expect(
			refusalOf(await create(organiser, { municipality: new Types.ObjectId().toString() }))
		).toBe('needs.errors.unknownMunicipality');
		expect(await Need.countDocuments()).toBe(before);
		expect(refusalOf(await getNeedPage(karl, { workshopId, needId: id }))).toBe('errors.notFound');
	});

	it('is taken from a survey’s free-text answer or from an agenda item’s notes, linking back', async () => {
		const questionId = new Types.ObjectId();
		const survey = await Survey.create({
			workshopId,
			state: 'open',
			createdBy: organiser.id,
			questions: [{ _id: questionId, kind: 'long', prompt: 'Was fehlt?' }]
		});
		const response = await SurveyResponse.create({
			surveyId: survey._id,
			respondentKey: `member:${anna.id}`,
			municipalityId: potsdam,
			memberIds: [anna.id],
			answers: [{ questionId, text: 'Personal für die Digitalisierung\nund Weiterbildung' }]
		});
		const from = { from: 'survey' as const, questionId: questionId.toString() };
		const draft = valueOf(
			await getNeedDraft(organiser, { workshopId, ...from, responseId: response._id.toString() })
		);
		expect(draft.values).toMatchObject({
			title: 'Personal für die Digitalisierung',
			descriptionSource: 'Personal für die Digitalisierung\nund Weiterbildung',
			municipality: potsdam,
			sourceKind: 'survey'
		});
		// An anonymous survey's answer does not give its municipality away.
		await Survey.updateOne({ _id: survey._id }, { anonymous: true });
		const anonymous = valueOf(
			await getNeedDraft(organiser, { workshopId, ...from, responseId: response._id.toString() })
		);
		expect(anonymous.values.municipality).toBe('mehrere');
		expect(
			refusalOf(
				await getNeedDraft(organiser, {
					workshopId,
					...from,
					responseId: new Types.ObjectId().toString()
				})
			)
		).toBe('errors.notFound');

		const { id } = valueOf(await create(organiser, { ...draft.values }));
		const card = valueOf(await getNeedPage(organiser, { workshopId, needId: id })).need;
		expect(card.sources).toEqual([
			{
				kind: 'survey',
				href: `/workshops/${workshopId}/survey/results#question-${questionId.toString()}`
			}
		]);
		// A source that is not the workshop's is refused, nothing stored.
		expect(
			refusalOf(
				await create(organiser, {
					...draft.values,
					responseId: new Types.ObjectId().toString()
				})
			)
		).toBe('needs.errors.sourceMissing');

		await WorkshopNoteVersion.create({
			workshopId,
			itemId,
			version: 1,
			source: 'Förderlotsen gesucht',
			html: '',
			editedBy: organiser.id
		});
		const noteDraft = valueOf(
			await getNeedDraft(organiser, { workshopId, from: 'note', itemId: itemId.toString() })
		);
		expect(noteDraft.values).toMatchObject({
			title: 'Was fehlt den Kommunen?',
			descriptionSource: 'Förderlotsen gesucht',
			sourceKind: 'note'
		});
		const note = valueOf(await create(organiser, noteDraft.values));
		expect(
			valueOf(await getNeedPage(organiser, { workshopId, needId: note.id })).need.sources
		).toEqual([{ kind: 'note', href: `/workshops/${workshopId}#note-${itemId.toString()}` }]);
	});

	it('organisers edit, change the status and merge duplicates (both kept, audited)', async () => {
		const kept = valueOf(await create(organiser, { title: 'Mobilität' })).id;
		const duplicate = valueOf(
			await create(organiser, { title: 'ÖPNV', descriptionSource: 'Busse fahren selten.' })
		).id;
		valueOf(
			await updateNeed(organiser, {
				workshopId,
				needId: kept,
				title: 'Mobilität auf dem Land',
				descriptionSource: 'Kein Rufbus.',
				municipality: potsdam,
				topic: 'Mobilität'
			})
		);
		valueOf(await setNeedStatus(organiser, { needId: kept, status: 'in-progress' }));
		expect(refusalOf(await setNeedStatus(anna, { needId: kept, status: 'done' }))).toBe(
			'errors.forbidden'
		);
		expect(refusalOf(await setNeedStatus(karl, { needId: kept, status: 'done' }))).toBe(
			'errors.notFound'
		);
		const page = valueOf(await getNeedPage(organiser, { workshopId, needId: kept }));
		expect(page.flags).toEqual({ mayManage: true, mayMerge: true });
		expect(page.mergeCandidates.map((c) => c.id)).toContain(duplicate);

		expect(
			refusalOf(await mergeNeeds(organiser, { workshopId, needId: kept, otherId: kept }))
		).toBe('needs.errors.mergeSelf');
		valueOf(await mergeNeeds(organiser, { workshopId, needId: kept, otherId: duplicate }));
		const merged = valueOf(await getNeedPage(organiser, { workshopId, needId: kept })).need;
		expect(merged).toMatchObject({ title: 'Mobilität auf dem Land', status: 'in-progress' });
		expect(merged.descriptionSource).toBe('Kein Rufbus.\n\n---\n\nBusse fahren selten.');
		expect(merged.sources).toHaveLength(2);
		const other = valueOf(await getNeedPage(organiser, { workshopId, needId: duplicate }));
		expect(other.mergedInto).toEqual({ id: kept, title: 'Mobilität auf dem Land' });
		expect(other.flags.mayManage).toBe(false);
		expect(
			refusalOf(await mergeNeeds(organiser, { workshopId, needId: kept, otherId: duplicate }))
		).toBe('errors.notFound');
		const actions = (await AuditEntry.find({ targetId: kept }).lean()).map((a) => a.action);
		expect(actions).toEqual(['need.create', 'need.update', 'need.status', 'need.merge']);
	});
});

describe('needs register', () => {
	it('lists only cards of workshops the member may see, filtered and paged', async () => {
		await Need.deleteMany({});
		for (let i = 0; i < registerPageSize + 5; i++)
			valueOf(await create(organiser, { title: `Bedarf ${i}`, topic: i % 2 ? 'Personal' : 'IT' }));
		valueOf(
			await create(organiser, { title: 'Im 3. Workshop', municipality: potsdam }, otherWorkshopId)
		);

		const all = valueOf(await listRegister(organiser, filter()));
		expect(all.total).toBe(registerPageSize + 6);
		expect(all.rows).toHaveLength(registerPageSize);
		expect(all.pages).toBe(2);
		expect(all.rows[0]).toMatchObject({ title: 'Im 3. Workshop', mayManage: true });
		expect(all.options.topics).toEqual(['Digitalisierung', 'IT', 'Personal']);
		expect(valueOf(await listRegister(organiser, filter({ page: '2' }))).rows).toHaveLength(6);

		const byTopic = valueOf(await listRegister(organiser, filter({ topic: 'Personal' })));
		expect(byTopic.total).toBe(Math.floor((registerPageSize + 5) / 2));
		const byPlace = valueOf(await listRegister(organiser, filter({ municipality: potsdam })));
		expect(byPlace.rows.map((r) => r.title)).toEqual(['Im 3. Workshop']);
		const several = valueOf(await listRegister(organiser, filter({ municipality: 'mehrere' })));
		expect(several.total).toBe(registerPageSize + 5);
		const byWorkshop = valueOf(
			await listRegister(organiser, filter({ workshop: otherWorkshopId }))
		);
		expect(byWorkshop.total).toBe(1);
		valueOf(await setNeedStatus(organiser, { needId: byWorkshop.rows[0]!.id, status: 'done' }));
		expect(valueOf(await listRegister(organiser, filter({ status: 'done' }))).total).toBe(1);

		// Anna sees both workshops (her cohort's) but changes nothing.
		const annas = valueOf(await listRegister(anna, filter()));
		expect(annas.total).toBe(registerPageSize + 6);
		expect(annas.rows.every((r) => !r.mayManage)).toBe(true);
		// Petra is a guest of workshop 2 only; Karl sees neither, even when he names one.
		expect(valueOf(await listRegister(petra, filter())).total).toBe(registerPageSize + 5);
		expect(valueOf(await listRegister(petra, filter({ workshop: otherWorkshopId }))).total).toBe(0);
		const karls = valueOf(await listRegister(karl, filter({ workshop: workshopId })));
		expect(karls.total).toBe(0);
		expect(karls.options.workshops).toEqual([]);
		expect(karls.options.topics).toEqual([]);
	});

	it('exports the filtered register as CSV and XLSX, formulas neutralised', async () => {
		await Need.deleteMany({});
		const hostile = '=HYPERLINK("http://evil.example","klick")';
		valueOf(
			await create(organiser, { title: hostile, descriptionSource: 'Grüße 🚲 aus Kleinmachnow' })
		);
		valueOf(await create(organiser, { title: 'Nur im 3.', topic: 'Anderes' }, otherWorkshopId));
		const csv = valueOf(
			await exportRegister(organiser, {
				filter: filter({ topic: 'Digitalisierung' }),
				format: 'csv',
				locale: 'de'
			})
		);
		expect(csv.filename).toBe('Bedarfsregister.csv');
		const bytes = await readStream(csv.body);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
		expect(rows).toEqual([
			[
				'Workshop',
				'Titel',
				'Beschreibung (Markdown)',
				'Kommune',
				'Handlungsfeld',
				'Status',
				'Angelegt am'
			],
			[
				'2. Agiles Arbeiten',
				`'${hostile}`,
				'Grüße 🚲 aus Kleinmachnow',
				'mehrere',
				'Digitalisierung',
				'neu',
				expect.any(String)
			]
		]);

		const xlsx = valueOf(
			await exportRegister(karl, { filter: filter(), format: 'xlsx', locale: 'en' })
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await readStream(xlsx.body)) as unknown as ArrayBuffer);
		// Karl sees no workshop of these: only the header row.
		expect(book.worksheets[0]!.rowCount).toBe(1);
		const full = valueOf(
			await exportRegister(organiser, { filter: filter(), format: 'xlsx', locale: 'en' })
		);
		const fullBook = new ExcelJS.Workbook();
		await fullBook.xlsx.load((await readStream(full.body)) as unknown as ArrayBuffer);
		const cells = [2, 3].flatMap((r) =>
			(fullBook.worksheets[0]!.getRow(r).values as unknown[]).slice(1)
		);
		expect(cells).toContain(`'${hostile}`);
		expect(cells).toContain('several');
	});
});
