import { Types } from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { storeWorkshop } from '../../../../tests/support/workshops';
import { newActor, storeMembers } from '../../../../tests/support/records';
import { AuditEntry, Workshop, WorkshopNoteVersion, WorkshopRegistration } from '../db/models';
import type { Result } from '../result';
import { checkIn, correctAttendance, moveLiveItem } from './live';
import { disclosureFor } from './confidential';
import { getNoteHistory, notesOf, saveNote, setNotesReopened, setNoteTaker } from './notes';
import type { WorkshopLean } from './access';

useTestDatabase('workshop_notes');

const cohortId = new Types.ObjectId().toString();
const organiser = newActor(['organiser']);
const noteTaker = newActor(['alumni'], [cohortId]);
const participant = newActor(['alumni'], [cohortId]);
/** In the audience, not on the roster. */
const outsider = newActor(['alumni'], [cohortId]);
const itemIds = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
let workshopId: string;

const value = <T>(result: Result<T>): T => {
	if (!result.ok) throw new Error(`refused: ${result.failure.code}`);
	return result.value;
};

beforeAll(async () => {
	await storeMembers([organiser, noteTaker, participant, outsider]);
	workshopId = await storeWorkshop(organiser.id, cohortId, {
		state: 'live',
		agenda: [
			{ _id: itemIds[0], kind: 'item', title: 'Ankommen', durationMinutes: 15 },
			{ kind: 'section', title: 'Arbeitsphase' },
			{ _id: itemIds[1], kind: 'item', title: 'Bedarfe', durationMinutes: 60 },
			{ _id: itemIds[2], kind: 'item', title: 'Abschluss', durationMinutes: 15 }
		]
	});
	await WorkshopRegistration.create([
		{ workshopId, memberId: organiser.id, role: 'organiser' },
		...[noteTaker, participant].map((a) => ({
			workshopId,
			memberId: a.id,
			role: 'participant',
			status: 'confirmed',
			answer: 'yes'
		}))
	]);
	value(await setNoteTaker(organiser, { workshopId, memberId: noteTaker.id, noteTaker: true }));
});

const save = (who: typeof organiser, baseVersion: number, source: string, item = 0) =>
	saveNote(who, { workshopId, itemId: itemIds[item]!.toString(), baseVersion, source });

beforeEach(async () => {
	await WorkshopNoteVersion.deleteMany({});
	await Workshop.updateOne({ _id: workshopId }, { $set: { state: 'live', notesReopened: false } });
});

describe('notes per agenda item', () => {
	it('keeps every version; a save from an older version is refused and both texts come back', async () => {
		const first = value(await save(organiser, 0, 'Alle sind **da**.<script>x()</script>'));
		expect(first).toMatchObject({ status: 'saved', note: { version: 1 } });
		if (first.status !== 'saved') throw new Error('not saved');
		expect(first.note.html).toContain('<strong>da</strong>');
		expect(first.note.html).not.toContain('<script');

		const second = value(await save(noteTaker, 1, 'Alle sind da, auch Jonas.'));
		expect(second).toMatchObject({ status: 'saved', note: { version: 2 } });

		// The organiser still edits version 1: inzwischen geändert.
		const stale = value(await save(organiser, 1, 'Alle sind da. Start 10:05.'));
		expect(stale).toEqual({
			status: 'stale',
			yours: 'Alle sind da. Start 10:05.',
			current: expect.objectContaining({ version: 2, source: 'Alle sind da, auch Jonas.' })
		});
		expect(await WorkshopNoteVersion.countDocuments({ workshopId })).toBe(2);

		const history = value(
			await getNoteHistory(participant, {
				workshopId,
				itemId: itemIds[0]!.toString(),
				locale: 'de'
			})
		);
		expect(history.versions.map((v) => [v.version, v.source])).toEqual([
			[2, 'Alle sind da, auch Jonas.'],
			[1, 'Alle sind **da**.<script>x()</script>']
		]);
		const workshop = (await Workshop.findById(workshopId).lean<WorkshopLean>())!;
		const notes = await notesOf(
			workshop,
			await disclosureFor(workshop, { live: false, locale: 'de' })
		);
		expect(notes[itemIds[0]!.toString()]).toMatchObject({ version: 2 });
		expect(notes[itemIds[1]!.toString()]).toMatchObject({ version: 0, source: '' });
	});

	it('of two saves from the same version exactly one is stored', async () => {
		const answers = await Promise.all([
			save(organiser, 0, 'Fassung A', 1),
			save(noteTaker, 0, 'Fassung B', 1)
		]);
		const statuses = answers.map((a) => value(a).status).sort();
		expect(statuses).toEqual(['saved', 'stale']);
		expect(await WorkshopNoteVersion.countDocuments({ workshopId })).toBe(1);
	});

	it('only organisers and the note-taker write; others on the roster read; outsiders do not', async () => {
		expect(await save(participant, 0, 'x')).toMatchObject({
			ok: false,
			failure: { code: 'forbidden', message: 'workshopResults.errors.notesClosed' }
		});
		// The audience sees the workshop page, not its notes.
		expect(await save(outsider, 0, 'x')).toMatchObject({ failure: { code: 'forbidden' } });
		const history = await getNoteHistory(outsider, {
			workshopId,
			locale: 'de',
			itemId: itemIds[0]!.toString()
		});
		expect(history).toMatchObject({ failure: { code: 'forbidden' } });
		// A guessed item answers like a missing one.
		expect(
			await saveNote(organiser, {
				workshopId,
				itemId: new Types.ObjectId().toString(),
				baseVersion: 0,
				source: 'x'
			})
		).toMatchObject({ failure: { code: 'not_found' } });
		expect(
			await setNoteTaker(organiser, {
				workshopId,
				memberId: outsider.id,
				noteTaker: true
			})
		).toMatchObject({ failure: { code: 'not_found' } });
		expect(
			await setNoteTaker(noteTaker, { workshopId, memberId: participant.id, noteTaker: true })
		).toMatchObject({ failure: { code: 'forbidden' } });
		expect(await WorkshopNoteVersion.countDocuments({ workshopId })).toBe(0);
	});

	it('closing makes notes read-only; an organiser reopens them, audited', async () => {
		await Workshop.updateOne({ _id: workshopId }, { $set: { state: 'closed' } });
		expect(await save(noteTaker, 0, 'danach')).toMatchObject({ failure: { code: 'forbidden' } });
		expect(await setNotesReopened(noteTaker, { workshopId, reopen: true })).toMatchObject({
			failure: { code: 'forbidden' }
		});
		value(await setNotesReopened(organiser, { workshopId, reopen: true }));
		expect(value(await save(noteTaker, 0, 'danach'))).toMatchObject({ status: 'saved' });
		value(await setNotesReopened(organiser, { workshopId, reopen: false }));
		expect(await save(organiser, 1, 'noch später')).toMatchObject({
			failure: { code: 'forbidden' }
		});
		const audited = await AuditEntry.find({ targetId: workshopId }).lean();
		expect(audited.map((e) => e.action)).toEqual(
			expect.arrayContaining(['workshop.notes-reopen', 'workshop.notes-close'])
		);
	});
});

describe('live view', () => {
	it('organisers move through the items (sections skipped, ends held); others may not', async () => {
		const next = value(await moveLiveItem(organiser, { workshopId, by: 1 }));
		expect(next.itemId).toBe(itemIds[1]!.toString());
		value(await moveLiveItem(organiser, { workshopId, by: 1 }));
		const last = value(await moveLiveItem(organiser, { workshopId, by: 1 }));
		expect(last.itemId).toBe(itemIds[2]!.toString());
		const back = value(await moveLiveItem(organiser, { workshopId, by: -1 }));
		expect(back.itemId).toBe(itemIds[1]!.toString());
		expect(await moveLiveItem(noteTaker, { workshopId, by: 1 })).toMatchObject({
			failure: { code: 'forbidden' }
		});
		const stored = await Workshop.findById(workshopId).lean();
		expect(stored?.liveItemId?.toString()).toBe(itemIds[1]!.toString());
	});

	it('roster members check in while live; organisers correct; outsiders cannot', async () => {
		value(await checkIn(participant, { workshopId }));
		expect(await checkIn(outsider, { workshopId })).toMatchObject({
			failure: { code: 'forbidden' }
		});
		value(
			await correctAttendance(organiser, { workshopId, memberId: noteTaker.id, attended: false })
		);
		expect(
			await correctAttendance(participant, {
				workshopId,
				memberId: noteTaker.id,
				attended: true
			})
		).toMatchObject({ failure: { code: 'forbidden' } });
		const rows = await WorkshopRegistration.find({ workshopId }).lean();
		const attended = Object.fromEntries(rows.map((r) => [r.memberId.toString(), r.attended]));
		expect(attended).toEqual({
			[organiser.id]: null,
			[noteTaker.id]: false,
			[participant.id]: true
		});
		expect(await AuditEntry.countDocuments({ action: 'workshop.attendance' })).toBe(1);
	});
});
