import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mongoose, { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	Member,
	Municipality,
	Survey,
	SurveyResponse,
	Workshop
} from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import type { SurveyLean } from '../../src/lib/server/workshops/survey';

/**
 * The needs survey against the built server with the demo network: the organiser builds and
 * opens it through its forms, Anna and her supervisor Petra answer for their municipality, and
 * the exports are parsed back as a spreadsheet program would read them.
 */
const who = {
	organiser: 'organisation@netzwerk.example',
	anna: 'anna.schulze@netzwerk.example',
	petra: 'petra.lange@netzwerk.example'
} as const;
type Who = keyof typeof who;

let app: RunningApp;
const cookies = {} as Record<Who, string>;
let workshopId: string;
let municipalityName: string;
const dbName = `survey_${Date.now()}`;
const hostile = '=HYPERLINK("http://evil.example","klick")';
const longAnswer = `Grüße aus der Verwaltung 🚲 ${'ä'.repeat(10_000 - 30)}`;

beforeAll(async () => {
	app = await startApp({ MONGODB_URI: databaseUri(dbName), SEED_DEMO: 'always' });
	await mongoose.connect(databaseUri(dbName));
	for (const [name, email] of Object.entries(who))
		cookies[name as Who] = await login(app, email, demoPassword);
	workshopId = (await Workshop.findOne({ number: 3 }).lean())!._id.toString();
	// The demo opens a survey of its own here; this test builds its survey from the start.
	await Survey.deleteOne({ workshopId });
	const anna = await Member.findOne({ email: who.anna }).lean();
	municipalityName = (await Municipality.findById(anna!.municipalityId).lean())!.name;
});

afterAll(async () => {
	await mongoose.disconnect();
	await app?.stop();
});

const surveyPath = () => `/workshops/${workshopId}/survey`;
const post = (name: Who, action: string, fields: Record<string, string | string[]>) =>
	postForm(app, `${surveyPath()}?/${action}`, fields, { cookie: cookies[name] });
const get = (name: Who, path: string) =>
	fetch(app.url + path, { headers: { cookie: cookies[name] }, redirect: 'manual' });

/** The answer sets of this workshop's survey (the demo's 2. workshop has its own). */
const answerSets = async () =>
	SurveyResponse.countDocuments({ surveyId: (await Survey.findOne({ workshopId }).lean())!._id });

async function questions() {
	const survey = await Survey.findOne({ workshopId }).lean<SurveyLean>();
	return survey!.questions.map((q) => ({
		id: q._id.toString(),
		choices: q.choices.map((c) => c._id.toString())
	}));
}

describe('needs survey on the built server', () => {
	it('is built and opened by the organiser and answered by the tandem together', async () => {
		expect((await post('organiser', 'settings', { intro: '', mode: 'municipality' })).status).toBe(
			200
		);
		const added: Record<string, string>[] = [
			{ kind: 'single', prompt: 'Wichtigstes Thema?', choices: 'Digitalisierung\nMobilität' },
			{ kind: 'multiple', prompt: 'Welche Formate?', choices: 'Workshop\nWebinar\nHospitation' },
			{ kind: 'number', prompt: 'Wie viele Stellen?', min: '0', max: '20' },
			{ kind: 'long', prompt: 'Was fehlt Ihnen?' },
			{ kind: 'municipality', prompt: 'Kommune' }
		];
		for (const q of added)
			expect((await post('organiser', 'add', { choices: '', ...q })).status).toBe(200);
		expect((await post('anna', 'answer', {})).status).toBe(403);
		expect((await post('organiser', 'state', { to: 'open' })).status).toBe(200);

		const [single, multiple, number, long] = await questions();
		// Out of range: refused with the German message, the typed text shown again.
		const refused = await post('anna', 'answer', {
			[`q_${single!.id}`]: single!.choices[0]!,
			[`q_${number!.id}`]: '21',
			[`q_${long!.id}`]: 'Breitband für alle'
		});
		expect(refused.status).toBe(400);
		const page = await refused.text();
		expect(page).toContain('Die Zahl liegt außerhalb des erlaubten Bereichs.');
		expect(page).toContain('Breitband für alle');
		expect(await answerSets()).toBe(0);

		const answer = {
			[`q_${single!.id}`]: single!.choices[0]!,
			[`q_${multiple!.id}`]: [multiple!.choices[0]!, multiple!.choices[2]!],
			[`q_${number!.id}`]: '3',
			[`q_${long!.id}`]: hostile
		};
		expect((await post('anna', 'answer', answer)).status).toBe(200);
		// Petra edits the same set for the same municipality.
		const petraSees = await (await get('petra', surveyPath())).text();
		expect(petraSees).toContain(municipalityName);
		expect(petraSees).toContain('HYPERLINK');
		expect(
			(await post('petra', 'answer', { ...answer, [`q_${long!.id}`]: longAnswer })).status
		).toBe(200);
		expect(await answerSets()).toBe(1);
		// A second, separate respondent: the organiser's export has one row per answer set.
		await SurveyResponse.create({
			surveyId: (await Survey.findOne({ workshopId }).lean())!._id,
			respondentKey: `member:${new Types.ObjectId().toString()}`,
			answers: [{ questionId: new Types.ObjectId(long!.id), text: hostile }]
		});
	});

	it('only organisers open the results and exports', async () => {
		for (const path of ['/results', '/export.csv', '/export.xlsx']) {
			expect((await get('anna', surveyPath() + path)).status).toBe(403);
			expect((await get('petra', surveyPath() + path)).status).toBe(403);
		}
		expect((await get('organiser', `${surveyPath()}/export.pdf`)).status).toBe(404);
		const results = await (await get('organiser', `${surveyPath()}/results`)).text();
		expect(results).toMatch(/<svg[^>]*role="img"/);
		expect(results).toContain('<title');
		expect(results).toContain('<desc');
		expect(results).toContain('<table');
	});

	it('exports CSV: BOM, semicolons, CRLF, one row per answer set, formulas neutralised', async () => {
		const res = await get('organiser', `${surveyPath()}/export.csv`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text.split('\r\n').length).toBeGreaterThan(3);
		const rows = parse(text, { delimiter: ';', bom: true }) as string[][];
		expect(rows).toHaveLength(3);
		expect(rows[0]!.slice(0, 2)).toEqual(['Person', 'Kommune']);
		// Both of the tandem who saved the shared set, and the municipality they answered for.
		const tandem = rows.find((r) => /^Anna Schulze, .*Petra Lange$/.test(r[0]!))!;
		expect(tandem[1]).toBe(municipalityName);
		expect(tandem).toContain('Workshop; Hospitation');
		expect(tandem).toContain(longAnswer);
		// The other answer set (rows come in the order they were saved, which ties may swap).
		const other = rows.slice(1).find((r) => r !== tandem)!;
		expect(other).toContain(`'${hostile}`);
	});

	it('exports XLSX read back by a spreadsheet library, and anonymously without names', async () => {
		await Survey.updateOne({ workshopId }, { $set: { anonymous: true } });
		const res = await get('organiser', `${surveyPath()}/export.xlsx`);
		expect(res.status).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await res.arrayBuffer());
		const sheet = book.worksheets[0]!;
		expect(sheet.rowCount).toBe(3);
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header).toEqual([
			'Nr.',
			'Wichtigstes Thema?',
			'Welche Formate?',
			'Wie viele Stellen?',
			'Was fehlt Ihnen?'
		]);
		const cells = [2, 3].flatMap((r) => (sheet.getRow(r).values as unknown[]).slice(1));
		expect(cells).toContain(longAnswer);
		expect(cells).toContain(`'${hostile}`);
		expect(cells).toContain(3);
		const all = JSON.stringify(cells);
		expect(all).not.toContain('Anna');
		expect(all).not.toContain(municipalityName);
		const csv = await (await get('organiser', `${surveyPath()}/export.csv`)).text();
		expect(csv).not.toContain('Anna');
		expect(csv).not.toContain(municipalityName);
	});

	it('streams an export of 1,000 answer sets', async () => {
		const survey = (await Survey.findOne({ workshopId }).lean())!;
		const [single, multiple, number, long] = await questions();
		await SurveyResponse.insertMany(
			Array.from({ length: 1000 }, (_, i) => ({
				surveyId: survey._id,
				respondentKey: `member:bench-${i}`,
				answers: [
					{
						questionId: new Types.ObjectId(single!.id),
						choiceIds: [new Types.ObjectId(single!.choices[i % 2]!)]
					},
					{
						questionId: new Types.ObjectId(multiple!.id),
						choiceIds: multiple!.choices.map((c: string) => new Types.ObjectId(c))
					},
					{ questionId: new Types.ObjectId(number!.id), number: i % 20 },
					{
						questionId: new Types.ObjectId(long!.id),
						text: `Antwort ${i}: Fördermittel und Personal`
					}
				]
			}))
		);
		for (const format of ['csv', 'xlsx']) {
			const started = performance.now();
			const res = await get('organiser', `${surveyPath()}/export.${format}`);
			const size = (await res.arrayBuffer()).byteLength;
			const ms = performance.now() - started;
			console.log(`survey export ${format}: 1002 answer sets, ${size} bytes, ${ms.toFixed(0)} ms`);
			expect(res.status).toBe(200);
			expect(ms).toBeLessThan(5000);
		}
	});
});
