import { parse } from 'csv-parse/sync';
import { Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerField, questionFormSchema } from '$lib/schemas/survey';
import { useTestDatabase } from '../../../../tests/support/db';
import { createMunicipality, newActor, storeMembers } from '../../../../tests/support/records';
import { valueOf } from '../../../../tests/support/result';
import { storeWorkshop } from '../../../../tests/support/workshops';
import { Workshop, WorkshopNoteVersion, WorkshopOutcome, WorkshopRegistration } from '../db/models';
import { disclosureFor, isConfidential } from './confidential';
import {
	addQuestion,
	changeAgenda,
	changeSurveyState,
	exportSurvey,
	getNoteHistory,
	getSurveyPage,
	getSurveyResults,
	getWorkshopPage,
	saveAnswers
} from './index';

useTestDatabase('workshop_confidential');

const cohortId = new Types.ObjectId().toString();
const organiser = { ...newActor(['organiser']), displayName: 'Olga Organisation' };
/** Staff who reads the notes but is not on this workshop's roster. */
const otherOrganiser = { ...newActor(['organiser']), displayName: 'Otto Orga' };
const anna = { ...newActor(['alumni'], [cohortId]), displayName: 'Anna Schulze' };
const jonas = { ...newActor(['alumni'], [cohortId]), displayName: 'Jonas Becker' };
/** Item ids: plain confidential, confidential naming municipalities, open. */
const [secret, named, open] = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const spoken = 'Anna Schulze aus Potsdam berichtet, JONAS BECKER aus Templin auch.';
let workshopId: string;

async function rosterOf(id: string) {
	await WorkshopRegistration.create([
		{ workshopId: id, memberId: organiser.id, role: 'organiser' },
		...[anna, jonas].map((a) => ({
			workshopId: id,
			memberId: a.id,
			role: 'participant',
			status: 'confirmed',
			answer: 'yes'
		}))
	]);
}

beforeAll(async () => {
	const potsdam = await createMunicipality('Potsdam');
	const templin = await createMunicipality('Templin');
	await storeMembers([
		organiser,
		otherOrganiser,
		{ ...anna, municipalityId: potsdam },
		{ ...jonas, municipalityId: templin }
	]);
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'live',
		agenda: [
			{ _id: secret, kind: 'item', title: 'Erfahrungen', confidential: true },
			{ _id: named, kind: 'item', title: 'Kommunen', confidential: true, nameMunicipality: true },
			{ _id: open, kind: 'item', title: 'Ausblick' }
		]
	});
	await rosterOf(workshopId);
	for (const itemId of [secret, named, open])
		await WorkshopNoteVersion.create({
			workshopId,
			itemId,
			version: 1,
			source: spoken,
			html: `<p>${spoken}</p>`,
			editedBy: organiser.id
		});
	await WorkshopOutcome.insertMany(
		[
			[secret, 'Vorlage teilen'],
			[open, 'Termin finden']
		].map(([itemId, text]) => ({
			workshopId,
			itemId,
			kind: 'follow-up',
			text,
			ownerId: jonas.id,
			dueOn: new Date('2030-11-01'),
			createdBy: organiser.id
		}))
	);
});

const setState = (state: string) => Workshop.updateOne({ _id: workshopId }, { $set: { state } });

describe('Chatham House', () => {
	it('is one rule: a workshop flag covers every item, an item flag its item', async () => {
		const w = { confidential: false, agenda: [{ _id: secret, confidential: true }] };
		expect(isConfidential(w, secret.toString())).toBe(true);
		expect(isConfidential(w, null)).toBe(false);
		expect(isConfidential({ ...w, confidential: true }, null)).toBe(true);
		const d = await disclosureFor(
			{ _id: new Types.ObjectId(), confidential: true, agenda: [] },
			{ live: false, locale: 'en' }
		);
		expect(d.person(null, 'Anna Schulze')).toBe('Participant');
		expect(d.person(null, '')).toBe('');
	});

	it('is set per agenda item by organisers, with the municipality opt-in beside it', async () => {
		const id = await storeWorkshop(organiser.id, cohortId, {
			agenda: [{ _id: open, kind: 'item', title: 'Ausblick' }]
		});
		const flags = {
			op: 'flags',
			itemId: open.toString(),
			confidential: true,
			nameMunicipality: true
		} as const;
		expect(await changeAgenda(anna, { workshopId: id, change: flags })).toMatchObject({
			ok: false
		});
		valueOf(await changeAgenda(organiser, { workshopId: id, change: flags }));
		const [item] = (await Workshop.findById(id).lean())!.agenda;
		expect(item).toMatchObject({ title: 'Ausblick', confidential: true, nameMunicipality: true });
	});

	it('shows names to the roster in the live view, and to nobody outside it', async () => {
		await setState('live');
		const live = valueOf(await getWorkshopPage(anna, workshopId, new Date(), 'de'));
		expect(live.notes![secret.toString()]!.source).toBe(spoken);
		expect(live.notes![secret.toString()]!.editedBy).toBe('Olga Organisation');
		expect(live.confidential).toEqual({ workshop: false, any: true });

		// Staff off the roster read the notes, but not in the roster's live view.
		const offRoster = valueOf(await getWorkshopPage(otherOrganiser, workshopId, new Date(), 'de'));
		expect(offRoster.notes![secret.toString()]!.source).not.toContain('Anna');

		await setState('closed');
		const after = valueOf(await getWorkshopPage(anna, workshopId, new Date(), 'de'));
		const note = after.notes![secret.toString()]!;
		expect(note.source).toBe(
			'Teilnehmer:in aus Teilnehmer:in berichtet, Teilnehmer:in aus Teilnehmer:in auch.'
		);
		expect(note.html).not.toMatch(/Anna|Potsdam|Templin|Becker/i);
		expect(note.editedBy).toBe('Teilnehmer:in');
		// Opted in: the municipalities stay, the people do not.
		expect(after.notes![named.toString()]!.source).toBe(
			'Teilnehmer:in aus Potsdam berichtet, Teilnehmer:in aus Templin auch.'
		);
		expect(after.notes![open.toString()]!.source).toBe(spoken);
		expect(after.outcomes!.map((o) => o.owner)).toEqual(['Teilnehmer:in', 'Jonas Becker']);

		const english = valueOf(await getWorkshopPage(anna, workshopId, new Date(), 'en'));
		expect(english.outcomes![0]!.owner).toBe('Participant');

		const history = valueOf(
			await getNoteHistory(anna, { workshopId, itemId: secret.toString(), locale: 'de' })
		);
		expect(history.versions[0]!.source).not.toContain('Anna');
		expect(history.versions[0]!.editedBy).toBe('Teilnehmer:in');
	});

	it('keeps names and municipalities out of a confidential survey export and its results', async () => {
		const id = await storeWorkshop(organiser.id, cohortId, {
			state: 'published',
			confidential: true
		});
		await rosterOf(id);
		const question = (raw: Record<string, string>) =>
			questionFormSchema.parse({ choices: '', ...raw });
		for (const q of [
			question({ kind: 'long', prompt: 'Was fehlt?' }),
			question({ kind: 'municipality', prompt: 'Ihre Kommune' })
		])
			valueOf(await addQuestion(organiser, { workshopId: id, question: q }));
		valueOf(await changeSurveyState(organiser, { workshopId: id, to: 'open' }));
		const [long, municipality] = valueOf(await getSurveyPage(organiser, id)).survey!.questions;
		for (const [who, text] of [
			[anna, 'Wie Jonas Becker sagt: Templin braucht Personal.'],
			[jonas, 'Fördermittel für Potsdam.']
		] as const) {
			const page = valueOf(await getSurveyPage(who, id));
			valueOf(
				await saveAnswers(who, {
					workshopId: id,
					raw: {
						[answerField(long!.id)]: [text],
						[answerField(municipality!.id)]: [page.mine!.municipality!.id]
					}
				})
			);
		}
		const csv = valueOf(
			await exportSurvey(organiser, { workshopId: id, format: 'csv', locale: 'de' })
		);
		const chunks: Buffer[] = [];
		for await (const chunk of csv.body as unknown as AsyncIterable<Uint8Array>)
			chunks.push(Buffer.from(chunk));
		const rows = parse(Buffer.concat(chunks).toString('utf8'), {
			delimiter: ';',
			bom: true
		}) as string[][];
		expect(rows).toHaveLength(3);
		const cells = rows.slice(1).flat();
		for (const identity of ['Anna', 'Schulze', 'Jonas', 'Becker', 'Potsdam', 'Templin'])
			expect(cells.join(' ')).not.toContain(identity);
		// Person and the municipality question's answer; the survey is per person, so the
		// answer set itself carries no municipality.
		expect([rows[1]![0], rows[1]![4]]).toEqual(['Teilnehmer:in', 'Teilnehmer:in']);
		expect(cells).toContain('Wie Teilnehmer:in sagt: Teilnehmer:in braucht Personal.');

		const results = valueOf(await getSurveyResults(organiser, id, 'de'));
		const [texts, towns] = results.questions;
		expect(texts!.texts!.join(' ')).not.toMatch(/Becker|Templin|Potsdam/);
		expect(towns!.hidden).toBe(true);
	});
});
