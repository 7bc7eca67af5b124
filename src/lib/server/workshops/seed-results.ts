import type { Types } from 'mongoose';
import type { Role } from '$lib/roles';
import {
	ForumCategory,
	Member,
	Need,
	NeedDot,
	NeedVote,
	Survey,
	SurveyResponse,
	Workshop,
	WorkshopNoteVersion,
	WorkshopOutcome,
	WorkshopRegistration
} from '../db/models';
import { oid } from '../db/ids';
import { renderMarkdown } from '../markdown';
import type { SeedContext } from '../seed';
import type { WorkshopLean } from './access';
import type { SurveyLean } from './survey';
import { publishSummary } from './summary';

/**
 * What the demo's 2. Transfer-Workshop left behind (notes, outcomes, a closed survey answered
 * per municipality, ranked need cards, the forum summary) and the open survey of the upcoming
 * one. Written to the models as on the day itself: the services refuse writes to a closed
 * workshop. Every record is matched by its natural key, so seeding twice adds nothing.
 */

const organiserEmail = 'organisation@netzwerk.example';

/** A model as seeding uses it: looked up by a natural key, created once. */
interface SeedModel {
	findOne(
		filter: object,
		projection: object
	): { lean(): PromiseLike<{ _id: Types.ObjectId } | null> };
	create(doc: object): Promise<{ _id: Types.ObjectId }>;
}

/** The record with this natural key, created with `fields` only if missing. */
async function ensureOne(model: SeedModel, key: object, fields: object): Promise<Types.ObjectId> {
	const found = await model.findOne(key, { _id: 1 }).lean();
	return found?._id ?? (await model.create({ ...key, ...fields }))._id;
}
const at = (iso: string) => new Date(iso);

const notesOfSecond: [item: string, source: string][] = [
	[
		'Begrüßung und Ziele des Tages',
		'Ministerium und Digitalagentur begrüßen die Alumni der Durchgänge 1 und 2 mit ihren Fachvorgesetzten.\n\n**Ziel des Tages:** die Rolle in der Verwaltung schärfen und die nächsten kommunalen Bedarfe sammeln.'
	],
	[
		'Organisatorische Aufstellung der Rolle',
		'- Drei Modelle im Raum: Stabsstelle beim Bürgermeister, Sachgebiet im Hauptamt, eigenes Amt\n- Stabsstelle: kurzer Weg zur Spitze, aber kein Unterbau\n- Wunsch: ein **Rollenprofil als Vorlage** für Stellenbeschreibungen'
	],
	[
		'Verankerung in der Verwaltung',
		'World-Café an drei Tischen. Ergebnis: Rückhalt der Verwaltungsspitze ist entscheidend; ein Beschluss der Stadtverordneten gibt Verbindlichkeit. Fachämter brauchen ein kleines Budget für eigene Pilotideen.'
	],
	[
		'Aufgabenspektrum der Smart-City-Manager:innen',
		'Zwischen Projektleitung, Fördermittelakquise und Öffentlichkeitsarbeit: viele fühlen sich als „Mädchen für alles“. Abgrenzung zur IT-Abteilung klären.'
	],
	[
		'Agiles Arbeiten in der Verwaltung',
		'Kanban-Boards funktionieren auch im Rathaus. Hürden: Haushaltsrecht, Dienstweg, fehlende Qualifizierung der Fachämter.'
	],
	[
		'Weitere kommunale Bedarfe sammeln',
		'Bedarfe aus der Bedarfserhebung und den Tischen als Karten gesammelt, anschließend mit Punkten priorisiert (5 Punkte pro Person, höchstens 3 pro Karte).'
	]
];

/** The follow-up is long done: `remindedAt` is set and no reminder job exists, so no mail. */
const outcomesOfSecond: {
	item: string;
	kind: 'decision' | 'information' | 'follow-up';
	text: string;
	owner?: string;
	dueOn?: string;
}[] = [
	{
		item: 'Organisatorische Aufstellung der Rolle',
		kind: 'decision',
		text: 'Die KTS erarbeitet mit zwei Kommunen ein Rollenprofil als Vorlage für Stellenbeschreibungen.'
	},
	{
		item: 'Verankerung in der Verwaltung',
		kind: 'information',
		text: 'Beschlusstexte zur Verankerung der Rolle werden im Forum gesammelt.'
	},
	{
		item: 'Weitere kommunale Bedarfe sammeln',
		kind: 'follow-up',
		text: 'Die priorisierten Bedarfe an das Ministerium übergeben.',
		owner: organiserEmail,
		dueOn: '2022-10-31'
	}
];

type Question = {
	kind: 'single' | 'multiple' | 'scale' | 'yesno' | 'number' | 'long' | 'municipality';
	prompt: string;
	choices?: string[];
	min?: number;
	max?: number;
};

const secondQuestions: Question[] = [
	{ kind: 'municipality', prompt: 'Für welche Kommune antworten Sie?' },
	{
		kind: 'single',
		prompt: 'Wo ist die Smart-City-Rolle bei Ihnen angesiedelt?',
		choices: ['Stabsstelle', 'Sachgebiet im Hauptamt', 'Eigenes Amt']
	},
	{ kind: 'scale', prompt: 'Wie stark ist der Rückhalt der Verwaltungsspitze? (1 bis 5)' },
	{ kind: 'number', prompt: 'Wie viele Personen arbeiten im Smart-City-Team?', min: 0, max: 50 },
	{ kind: 'long', prompt: 'Was braucht Ihre Kommune als Nächstes?' }
];

/** Per municipality: the alumna or alumnus, the supervisor of the tandem, then the answers. */
const secondAnswers: [
	alumna: string,
	supervisor: string | null,
	place: number,
	backing: number,
	team: number,
	need: string
][] = [
	[
		'anna.schulze',
		'petra.lange',
		0,
		4,
		1,
		'Ein Rollenprofil, mit dem wir die Stelle im Stellenplan dauerhaft absichern.'
	],
	['ines.vogel', 'guenter.roth', 0, 5, 2, 'Qualifizierung der Fachämter für agiles Arbeiten.'],
	[
		'jonas.becker',
		null,
		1,
		3,
		2,
		'Verbindlicher Austausch mit den Fachvorgesetzten der anderen Kommunen.'
	],
	['miriam.krueger', null, 2, 4, 3, 'Ein Rollenprofil und Beispiele für Beschlusstexte.'],
	['paul.schubert', null, 1, 2, 1, 'Ein Überblick über Fördermittel für Folgeprojekte.'],
	['maria.engel', null, 0, 3, 1, 'Qualifizierung für agile Methoden im Haushaltsjahr.']
];

type DemoNeed = {
	title: string;
	description: string;
	topic: string;
	status: 'new' | 'in-progress' | 'done';
	/** The municipality's alumna (their municipality), or null for "mehrere". */
	from: string | null;
	source: { note: string } | { survey: string } | null;
};

const secondNeeds: DemoNeed[] = [
	{
		title: 'Rollenprofil als Vorlage für Stellenbeschreibungen',
		description: 'Ein abgestimmtes Profil der Smart-City-Rolle, das Kommunen übernehmen können.',
		topic: 'Organisation',
		status: 'in-progress',
		from: null,
		source: { note: 'Organisatorische Aufstellung der Rolle' }
	},
	{
		title: 'Qualifizierung der Fachämter für agiles Arbeiten',
		description: 'Kurze Schulungen zu Kanban und Scrum für Fachämter, mit Praxisbeispielen.',
		topic: 'Agiles Arbeiten',
		status: 'new',
		from: 'ines.vogel',
		source: { survey: 'ines.vogel' }
	},
	{
		title: 'Austausch mit Fachvorgesetzten verstetigen',
		description: 'Ein regelmäßiges Treffen der Fachvorgesetzten aller Modellkommunen.',
		topic: 'Vernetzung',
		status: 'new',
		from: 'jonas.becker',
		source: { survey: 'jonas.becker' }
	},
	{
		title: 'Sammlung von Beschlusstexten zur Verankerung',
		description: 'Beispiele für Beschlüsse der Stadtverordneten, die die Rolle verankern.',
		topic: 'Verankerung',
		status: 'done',
		from: null,
		source: { note: 'Verankerung in der Verwaltung' }
	},
	{
		title: 'Überblick über Fördermittel für Folgeprojekte',
		description: 'Welche Programme nach dem Ende der Modellphase weitertragen.',
		topic: 'Fördermittel',
		status: 'new',
		from: 'paul.schubert',
		source: { survey: 'paul.schubert' }
	},
	{
		title: 'Abgrenzung zur IT-Abteilung klären',
		description: 'Eine Handreichung, was die Smart-City-Rolle leistet und was die IT.',
		topic: 'Organisation',
		status: 'new',
		from: null,
		source: null
	}
];

/**
 * Each voter's five dots by card (index in `secondNeeds`), at most three on one card. The
 * totals 9, 8, 6, 6, 6, 5: three cards share the third rank, as the ranking marks.
 */
const secondDots: [voter: string, cards: number[]][] = [
	['anna.schulze', [0, 0, 1, 2, 4]],
	['petra.lange', [0, 0, 2, 2, 3]],
	['ines.vogel', [1, 1, 1, 4, 5]],
	['guenter.roth', [2, 2, 3, 3, 0]],
	['jonas.becker', [2, 3, 3, 5, 5]],
	['miriam.krueger', [0, 0, 3, 4, 5]],
	['paul.schubert', [4, 4, 1, 1, 0]],
	['maria.engel', [1, 1, 5, 5, 0]]
];

const thirdQuestions: Question[] = [
	{ kind: 'municipality', prompt: 'Für welche Kommune antworten Sie?' },
	{
		kind: 'multiple',
		prompt: 'Welche agilen Methoden setzen Sie schon ein?',
		choices: ['Kanban', 'Scrum', 'Retrospektiven', 'Noch keine']
	},
	{ kind: 'scale', prompt: 'Wie gut passt agiles Arbeiten zu Ihrem Haushaltsjahr? (1 bis 5)' },
	{ kind: 'yesno', prompt: 'Bringen Sie Ihre Fachvorgesetzte oder Ihren Fachvorgesetzten mit?' },
	{ kind: 'long', prompt: 'Welche Frage soll der Workshop unbedingt beantworten?' }
];

const questionsOf = (questions: Question[]) =>
	questions.map((q) => ({
		kind: q.kind,
		prompt: q.prompt,
		required: q.kind === 'municipality',
		choices: (q.choices ?? []).map((label) => ({ label })),
		min: q.min ?? null,
		max: q.max ?? null
	}));

/** Creates the survey of a workshop once; the one already there stays as it is. */
async function ensureSurvey(
	workshopId: Types.ObjectId,
	fields: { intro: string; questions: Question[]; state: 'open' | 'closed' } & Record<
		string,
		unknown
	>,
	createdBy: Types.ObjectId
): Promise<SurveyLean> {
	const { questions, ...rest } = fields;
	await ensureOne(
		Survey,
		{ workshopId },
		{
			...rest,
			workshopId,
			mode: 'municipality',
			anonymous: false,
			questions: questionsOf(questions),
			createdBy
		}
	);
	return (await Survey.findOne({ workshopId }).lean<SurveyLean>())!;
}

export async function seedWorkshopResults(ctx: SeedContext): Promise<void> {
	const memberId = (handle: string) =>
		oid(ctx.memberIds.get(handle.includes('@') ? handle : `${handle}@netzwerk.example`)!);
	const organiser = memberId(organiserEmail);
	const [second, third] = await Promise.all([
		Workshop.findOne({ number: 2 }).lean<WorkshopLean>(),
		Workshop.findOne({ number: 3 }).lean<WorkshopLean>()
	]);
	if (!second || !third) return;
	const itemId = (title: string) => second.agenda.find((i) => i.title === title)!._id;

	for (const [title, source] of notesOfSecond)
		await ensureOne(
			WorkshopNoteVersion,
			{ workshopId: second._id, itemId: itemId(title), version: 1 },
			{ source, html: renderMarkdown(source), editedBy: organiser }
		);

	for (const o of outcomesOfSecond) {
		const followUp = o.kind === 'follow-up';
		await ensureOne(
			WorkshopOutcome,
			{ workshopId: second._id, itemId: itemId(o.item), text: o.text },
			{
				kind: o.kind,
				ownerId: followUp ? memberId(o.owner!) : null,
				dueOn: followUp ? at(o.dueOn!) : null,
				remindedAt: followUp ? at(o.dueOn!) : null,
				createdBy: organiser
			}
		);
	}

	const responseIds = await seedSecondSurvey(second, organiser, memberId);
	await seedSecondNeeds(second, organiser, memberId, itemId, responseIds);

	await ensureSurvey(
		third._id,
		{
			intro:
				'Damit wir den Workshop auf Ihre Fragen zuschneiden: bitte füllen Sie die Umfrage gemeinsam mit Ihrer oder Ihrem Fachvorgesetzten aus.',
			questions: thirdQuestions,
			state: 'open',
			openedAt: new Date()
		},
		organiser
	);

	// Published last, so the thread carries the ranking, the decisions and the follow-up.
	if (!second.summaryThreadId) {
		const ole = await Member.findById(organiser, { roles: 1 }).lean();
		const published = await publishSummary(
			{ id: organiser.toString(), roles: (ole?.roles ?? []) as Role[], cohortIds: [] },
			{ workshopId: second._id.toString(), categoryId: await summaryCategoryId(), locale: 'de' }
		);
		if (!published.ok) throw new Error(`Demo summary refused: ${published.failure.code}`);
	}
}

/** The forum category for alumni and their supervisors, as the roster of the 2. workshop. */
async function summaryCategoryId(): Promise<string> {
	const category = await ForumCategory.findOne({ slug: 'transfer-fachvorgesetzte' }).lean();
	return category!._id.toString();
}

/** The closed survey, answered per municipality; returns the answer set ids by alumna. */
async function seedSecondSurvey(
	second: WorkshopLean,
	organiser: Types.ObjectId,
	memberId: (handle: string) => Types.ObjectId
): Promise<Map<string, Types.ObjectId>> {
	const survey = await ensureSurvey(
		second._id,
		{
			intro: 'Bitte beantworten Sie die Fragen gemeinsam als Tandem, eine Antwort je Kommune.',
			questions: secondQuestions,
			state: 'closed',
			openedAt: at('2022-09-01T08:00:00Z'),
			closedAt: at('2022-09-29T13:30:00Z')
		},
		organiser
	);
	const [municipality, place, backing, team, need] = survey.questions;
	const responseIds = new Map<string, Types.ObjectId>();
	for (const [alumna, supervisor, placeChoice, backingValue, teamSize, text] of secondAnswers) {
		const member = await Member.findById(memberId(alumna), { municipalityId: 1 }).lean();
		const municipalityId = member!.municipalityId!;
		const respondentKey = `municipality:${municipalityId.toString()}`;
		const responseId = await ensureOne(
			SurveyResponse,
			{ surveyId: survey._id, respondentKey },
			{
				municipalityId,
				memberIds: [alumna, ...(supervisor ? [supervisor] : [])].map(memberId),
				answers: [
					{ questionId: municipality!._id, municipalityId },
					{ questionId: place!._id, choiceIds: [place!.choices[placeChoice]!._id] },
					{ questionId: backing!._id, number: backingValue },
					{ questionId: team!._id, number: teamSize },
					{ questionId: need!._id, text }
				]
			}
		);
		responseIds.set(alumna, responseId);
	}
	return responseIds;
}

/** The need cards, taken from notes and survey answers, and the closed dot vote on them. */
async function seedSecondNeeds(
	second: WorkshopLean,
	organiser: Types.ObjectId,
	memberId: (handle: string) => Types.ObjectId,
	itemId: (title: string) => Types.ObjectId,
	responseIds: Map<string, Types.ObjectId>
): Promise<void> {
	const survey = await Survey.findOne({ workshopId: second._id }).lean<SurveyLean>();
	const needQuestion = survey!.questions.find((q) => q.kind === 'long')!;
	const needIds: Types.ObjectId[] = [];
	for (const n of secondNeeds) {
		const from = n.from
			? (await Member.findById(memberId(n.from), { municipalityId: 1 }).lean())!.municipalityId
			: null;
		const source = !n.source
			? { kind: 'manual' }
			: 'note' in n.source
				? { kind: 'note', itemId: itemId(n.source.note) }
				: {
						kind: 'survey',
						questionId: needQuestion._id,
						responseId: responseIds.get(n.source.survey)!
					};
		const needId = await ensureOne(
			Need,
			{ workshopId: second._id, title: n.title },
			{
				descriptionSource: n.description,
				descriptionHtml: renderMarkdown(n.description),
				municipalityId: from,
				topic: n.topic,
				status: n.status,
				sources: [{ ...source, addedBy: organiser, addedAt: second.endsAt }],
				createdBy: organiser
			}
		);
		needIds.push(needId);
	}

	await ensureOne(
		NeedVote,
		{ workshopId: second._id },
		{
			state: 'closed',
			dotsPerVoter: 5,
			maxPerCard: 3,
			openedAt: at('2022-09-29T13:00:00Z'),
			closedAt: at('2022-09-29T13:20:00Z')
		}
	);
	for (const [voter, cards] of secondDots) {
		const voterId = memberId(voter);
		const entry = await WorkshopRegistration.findOne(
			{ workshopId: second._id, memberId: voterId },
			{ role: 1 }
		).lean();
		for (const [i, card] of cards.entries())
			await ensureOne(
				NeedDot,
				{ workshopId: second._id, voterId, slot: i + 1 },
				{
					needId: needIds[card]!,
					voterRole: entry!.role,
					cardSlot: cards.slice(0, i + 1).filter((c) => c === card).length
				}
			);
	}
}
