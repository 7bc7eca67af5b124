import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerField, questionFormSchema } from '$lib/schemas/survey';
import { useTestDatabase } from '../../../../tests/support/db';
import { readStream } from '../../../../tests/support/files';
import type { Actor } from '../auth/permissions';
import { Member, Municipality, Workshop, WorkshopRegistration } from '../db/models';
import {
	addQuestion,
	changeSurveyState,
	exportSurvey,
	getSurveyPage,
	getSurveyResults,
	saveAnswers,
	saveSurveySettings
} from './index';
import { neutraliseCell } from '../spreadsheet';

useTestDatabase('survey');

const cohortId = new Types.ObjectId().toString();
const actor = (role: 'organiser' | 'alumni' | 'supervisor', name: string) => ({
	id: new Types.ObjectId().toString(),
	roles: [role],
	cohortIds: role === 'alumni' ? [cohortId] : [],
	name
});
const organiser = actor('organiser', 'Olga Organisation');
const anna = actor('alumni', 'Anna Schulze');
const petra = actor('supervisor', 'Petra Lange');
const jonas = actor('alumni', 'Jonas Becker');
const gerd = actor('supervisor', 'Gerd Gast');
let potsdam: string;

async function workshopWithRoster(closedLongAgo = false) {
	const w = await Workshop.create({
		title: 'Bedarfe der Kommunen',
		startsAt: new Date('2030-10-08T08:00:00Z'),
		endsAt: new Date('2030-10-08T14:00:00Z'),
		format: 'online',
		capacity: 10,
		state: closedLongAgo ? 'closed' : 'published',
		closedAt: closedLongAgo ? new Date('2020-01-01') : null,
		audienceCohortIds: [cohortId],
		organiserIds: [organiser.id],
		createdBy: organiser.id
	});
	const entries = [
		{ memberId: anna.id, role: 'participant' },
		{ memberId: jonas.id, role: 'participant' },
		{ memberId: petra.id, role: 'supervisor', tandemOf: anna.id },
		{ memberId: gerd.id, role: 'supervisor', tandemOf: jonas.id }
	];
	for (const e of entries)
		await WorkshopRegistration.create({
			workshopId: w._id,
			status: 'confirmed',
			answer: 'yes',
			...e
		});
	return w._id.toString();
}

const question = (raw: Record<string, string>) => questionFormSchema.parse({ choices: '', ...raw });

async function buildSurvey(
	workshopId: string,
	settings: { mode: 'person' | 'municipality'; anonymous: boolean } = {
		mode: 'person',
		anonymous: false
	}
) {
	expect(
		(await saveSurveySettings(organiser, { workshopId, settings: { intro: '', ...settings } })).ok
	).toBe(true);
	for (const q of [
		question({
			kind: 'single',
			prompt: 'Wichtigstes Thema?',
			choices: 'Digitalisierung\nMobilität',
			required: 'on'
		}),
		question({
			kind: 'multiple',
			prompt: 'Welche Formate?',
			choices: 'Workshop\nWebinar\nHospitation'
		}),
		question({ kind: 'scale', prompt: 'Wie dringend?' }),
		question({ kind: 'number', prompt: 'Wie viele Stellen?', min: '0', max: '50' }),
		question({ kind: 'long', prompt: 'Was fehlt?' }),
		question({ kind: 'municipality', prompt: 'Ihre Kommune' })
	])
		expect((await addQuestion(organiser, { workshopId, question: q })).ok).toBe(true);
	const page = await getSurveyPage(organiser, workshopId);
	if (!page.ok) throw new Error(page.failure.code);
	return page.value.survey!.questions;
}

beforeAll(async () => {
	const municipality = await Municipality.create({ name: 'Potsdam', state: 'Brandenburg' });
	potsdam = municipality._id.toString();
	for (const a of [organiser, anna, petra, jonas, gerd])
		await Member.create({
			_id: a.id,
			email: `${a.id}@example.org`,
			displayName: a.name,
			handle: `h${a.id}`,
			sortName: a.name.toLowerCase(),
			passwordHash: 'x',
			roles: a.roles,
			cohortIds: a.cohortIds,
			municipalityId: a === anna ? municipality._id : null
		});
});

describe('needs survey', () => {
	it('is built by organisers only, from a draft, and opened before answers are taken', async () => {
		const workshopId = await workshopWithRoster();
		expect(
			(
				await saveSurveySettings(anna as Actor, {
					workshopId,
					settings: { intro: '', mode: 'person', anonymous: false }
				})
			).ok
		).toBe(false);
		const questions = await buildSurvey(workshopId);
		const [single] = questions;
		const answer = { [answerField(single!.id)]: [single!.choices[0]!.id] };
		const early = await saveAnswers(anna, { workshopId, raw: answer });
		expect(early.ok || early.failure.code).toBe('forbidden');
		expect((await changeSurveyState(organiser, { workshopId, to: 'open' })).ok).toBe(true);
		// Once open, the questions stay as they are.
		const late = await addQuestion(organiser, {
			workshopId,
			question: question({ kind: 'short', prompt: 'Noch was?' })
		});
		expect(late.ok || late.failure.message).toBe('survey.errors.notDraft');
		expect((await saveAnswers(anna, { workshopId, raw: answer })).ok).toBe(true);
	});

	it('refuses an answer that does not fit its question, storing nothing', async () => {
		const workshopId = await workshopWithRoster();
		const [single, multiple, scale, number] = await buildSurvey(workshopId);
		await changeSurveyState(organiser, { workshopId, to: 'open' });
		const valid = { [answerField(single!.id)]: [single!.choices[1]!.id] };
		const cases: [Record<string, string[]>, string, string][] = [
			[
				{ [answerField(single!.id)]: [new Types.ObjectId().toString()] },
				'validation.unknownChoice',
				single!.id
			],
			[{}, 'validation.required', single!.id],
			[
				{ ...valid, [answerField(multiple!.id)]: [multiple!.choices[0]!.id, 'forged'] },
				'validation.unknownChoice',
				multiple!.id
			],
			[{ ...valid, [answerField(scale!.id)]: ['6'] }, 'validation.outOfRange', scale!.id],
			[{ ...valid, [answerField(number!.id)]: ['51'] }, 'validation.outOfRange', number!.id],
			[{ ...valid, [answerField(number!.id)]: ['viele'] }, 'validation.notANumber', number!.id]
		];
		for (const [raw, message, questionId] of cases) {
			const saved = await saveAnswers(anna, { workshopId, raw });
			expect(saved.ok ? null : saved.failure).toEqual({
				code: 'invalid',
				message,
				field: answerField(questionId)
			});
		}
		const page = await getSurveyPage(anna, workshopId);
		expect(page.ok && page.value.mine?.savedAt).toBe(null);
		// Decimal comma and the municipality prefilled from the profile.
		expect(page.ok && page.value.mine?.values[answerField(questionsMunicipality(page))]).toEqual([
			potsdam
		]);
		expect(
			(
				await saveAnswers(anna, {
					workshopId,
					raw: { ...valid, [answerField(number!.id)]: ['2,5'] }
				})
			).ok
		).toBe(true);
	});

	it('per municipality, the alumna and her supervisor share one answer set', async () => {
		const workshopId = await workshopWithRoster();
		const [single, , , , long] = await buildSurvey(workshopId, {
			mode: 'municipality',
			anonymous: false
		});
		await changeSurveyState(organiser, { workshopId, to: 'open' });
		const first = {
			[answerField(single!.id)]: [single!.choices[0]!.id],
			[answerField(long!.id)]: ['Breitband']
		};
		expect((await saveAnswers(anna, { workshopId, raw: first })).ok).toBe(true);
		const seenByPetra = await getSurveyPage(petra, workshopId);
		expect(seenByPetra.ok && seenByPetra.value.mine?.values[answerField(long!.id)]).toEqual([
			'Breitband'
		]);
		expect(seenByPetra.ok && seenByPetra.value.mine?.municipality?.name).toBe('Potsdam');
		expect(
			(
				await saveAnswers(petra, {
					workshopId,
					raw: { ...first, [answerField(long!.id)]: ['Breitband und Personal'] }
				})
			).ok
		).toBe(true);
		const seenByAnna = await getSurveyPage(anna, workshopId);
		expect(seenByAnna.ok && seenByAnna.value.mine?.values[answerField(long!.id)]).toEqual([
			'Breitband und Personal'
		]);
		expect(seenByAnna.ok && seenByAnna.value.mine?.savedBy).toEqual([
			'Anna Schulze',
			'Petra Lange'
		]);
		// Jonas's profile names no municipality: he is told why he cannot answer for one.
		const jonasSaved = await saveAnswers(jonas, { workshopId, raw: first });
		expect(jonasSaved.ok || jonasSaved.failure.message).toBe('survey.errors.noMunicipality');
		const results = await getSurveyResults(organiser, workshopId);
		expect(results.ok && results.value.responses).toBe(1);
	});

	it('a guest whose access ended cannot answer, nor can anyone off the roster', async () => {
		const workshopId = await workshopWithRoster();
		const [single] = await buildSurvey(workshopId);
		await changeSurveyState(organiser, { workshopId, to: 'open' });
		const raw = { [answerField(single!.id)]: [single!.choices[0]!.id] };
		const outsider = actor('alumni', 'Otto Außen');
		expect((await saveAnswers(outsider, { workshopId, raw })).ok).toBe(false);
		await Workshop.updateOne(
			{ _id: workshopId },
			{ state: 'closed', closedAt: new Date('2020-01-01'), endsAt: new Date('2020-01-01') }
		);
		const gone = await saveAnswers(gerd, { workshopId, raw });
		expect(gone.ok || gone.failure.code).toBe('not_found');
	});

	it('results count choices, the scale and texts; only organisers see them', async () => {
		const workshopId = await workshopWithRoster();
		const [single, multiple, scale, , long] = await buildSurvey(workshopId);
		await changeSurveyState(organiser, { workshopId, to: 'open' });
		const answers = (choice: number, step: string, text: string) => ({
			[answerField(single!.id)]: [single!.choices[choice]!.id],
			[answerField(multiple!.id)]: multiple!.choices.map((c) => c.id),
			[answerField(scale!.id)]: [step],
			[answerField(long!.id)]: [text]
		});
		await saveAnswers(anna, { workshopId, raw: answers(0, '5', 'Fördermittel') });
		await saveAnswers(jonas, { workshopId, raw: answers(0, '3', 'Personal') });
		await saveAnswers(petra, { workshopId, raw: answers(1, '5', '') });
		expect((await getSurveyResults(anna, workshopId)).ok).toBe(false);
		const results = await getSurveyResults(organiser, workshopId);
		if (!results.ok) throw new Error(results.failure.code);
		const [r1, r2, r3, , r5] = results.value.questions;
		expect(results.value.responses).toBe(3);
		expect(r1!.bars).toEqual([
			{ label: 'Digitalisierung', count: 2 },
			{ label: 'Mobilität', count: 1 }
		]);
		expect(r2!.bars!.map((b) => b.count)).toEqual([3, 3, 3]);
		expect(r3!.bars!.map((b) => b.count)).toEqual([0, 0, 1, 0, 2]);
		expect(r3!.numbers!.mean).toBeCloseTo(13 / 3);
		expect(r5!.texts!.map((t) => t.text).sort()).toEqual(['Fördermittel', 'Personal']);
	});

	it('exports CSV and XLSX with formulas neutralised, and anonymously without names', async () => {
		expect(['=1+1', '+49', '-2', '@SUM(A1)', '\tx', '\rx', 'Grüße'].map(neutraliseCell)).toEqual([
			"'=1+1",
			"'+49",
			"'-2",
			"'@SUM(A1)",
			"'\tx",
			"'\rx",
			'Grüße'
		]);
		for (const anonymous of [false, true]) {
			const workshopId = await workshopWithRoster();
			const [single, multiple, , number, long, municipality] = await buildSurvey(workshopId, {
				mode: 'person',
				anonymous
			});
			await changeSurveyState(organiser, { workshopId, to: 'open' });
			const hostile = `=HYPERLINK("http://evil.example")`;
			const longText = 'Ä'.repeat(9_990) + ' 🚲 ü ß';
			await saveAnswers(anna, {
				workshopId,
				raw: {
					[answerField(single!.id)]: [single!.choices[0]!.id],
					[answerField(multiple!.id)]: [multiple!.choices[0]!.id, multiple!.choices[2]!.id],
					[answerField(number!.id)]: ['2,5'],
					[answerField(long!.id)]: [hostile],
					[answerField(municipality!.id)]: [potsdam]
				}
			});
			await saveAnswers(jonas, {
				workshopId,
				raw: {
					[answerField(single!.id)]: [single!.choices[1]!.id],
					[answerField(long!.id)]: [longText]
				}
			});
			const csv = await exportSurvey(organiser, { workshopId, format: 'csv', locale: 'de' });
			if (!csv.ok) throw new Error(csv.failure.code);
			const bytes = await readStream(csv.value.body);
			expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = bytes.toString('utf8');
			expect(text).toContain('\r\n');
			const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
			expect(rows).toHaveLength(3);
			const header = rows[0]!;
			expect(header.includes('Person')).toBe(!anonymous);
			expect(header.includes('Kommune')).toBe(!anonymous);
			expect(header).not.toContain(anonymous ? 'Ihre Kommune' : 'nothing');
			const annaRow = rows.find((r) => r.includes(`'${hostile}`))!;
			expect(annaRow).toContain('Workshop; Hospitation');
			expect(annaRow).toContain('2,5');
			expect(rows.some((r) => r.includes(longText))).toBe(true);
			expect(text.includes('Anna Schulze')).toBe(!anonymous);
			expect(text.includes('Potsdam')).toBe(!anonymous);

			const xlsx = await exportSurvey(organiser, { workshopId, format: 'xlsx', locale: 'en' });
			if (!xlsx.ok) throw new Error(xlsx.failure.code);
			const book = new ExcelJS.Workbook();
			await book.xlsx.load((await readStream(xlsx.value.body)) as unknown as ArrayBuffer);
			const sheet = book.worksheets[0]!;
			expect(sheet.rowCount).toBe(3);
			const cells = [2, 3].flatMap((r) => (sheet.getRow(r).values as unknown[]).slice(1));
			expect(cells).toContain(`'${hostile}`);
			expect(cells).toContain(longText);
			expect(cells).toContain(2.5);
			expect(cells.includes('Anna Schulze')).toBe(!anonymous);
		}
	});
});

function questionsMunicipality(page: Awaited<ReturnType<typeof getSurveyPage>>): string {
	return page.ok ? page.value.survey!.questions.find((q) => q.kind === 'municipality')!.id : '';
}
