import { trusted, type Types } from 'mongoose';
import type { WorkshopNoteDto } from '$lib/realtime/events';
import type { Locale } from '$lib/i18n';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { isDuplicateKeyError } from '../db/errors';
import { isObjectId, oid } from '../db/ids';
import { Member, Workshop, WorkshopNoteVersion } from '../db/models';
import { renderMarkdown } from '../markdown';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { disclosureFor, inLiveView, type Disclosure } from './confidential';
import { markRosterEntry } from './live';
import { emitToWorkshop } from './live-room';

export type NoteSaved =
	| { status: 'saved'; note: WorkshopNoteDto }
	/** Someone saved since this edit began: nothing was stored, both texts come back. */
	| { status: 'stale'; current: WorkshopNoteDto; yours: string };

export interface NoteVersionDto {
	version: number;
	html: string;
	source: string;
	editedBy: string;
	editedAt: string;
}

async function namesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
	const members = await Member.find(
		{ _id: trusted({ $in: [...new Set(ids.map(String))].map(oid) }) },
		{ displayName: 1 }
	).lean();
	return new Map(members.map((m) => [m._id.toString(), m.displayName]));
}

type VersionRow = {
	itemId: Types.ObjectId;
	version: number;
	source: string;
	html: string;
	editedBy: Types.ObjectId;
	createdAt: Date;
};

/** A saved version as this reader may see it (Chatham House: see confidential.ts). */
function noteDto(
	workshopId: string,
	row: VersionRow,
	names: Map<string, string>,
	disclosure?: Disclosure
) {
	const itemId = row.itemId.toString();
	const source = disclosure ? disclosure.text(itemId, row.source) : row.source;
	const editedBy = names.get(row.editedBy.toString()) ?? '';
	return {
		workshopId,
		itemId,
		version: row.version,
		source,
		html: source === row.source ? row.html : renderMarkdown(source),
		editedBy: disclosure ? disclosure.person(itemId, editedBy) : editedBy,
		editedAt: row.createdAt.toISOString()
	} satisfies WorkshopNoteDto;
}

const emptyNote = (workshopId: string, itemId: string): WorkshopNoteDto => ({
	workshopId,
	itemId,
	version: 0,
	source: '',
	html: '',
	editedBy: '',
	editedAt: null
});

const latestOf = (workshopId: Types.ObjectId, itemId: Types.ObjectId) =>
	WorkshopNoteVersion.findOne({ workshopId, itemId }).sort({ version: -1 }).lean<VersionRow>();

/** The current notes of every agenda item (version 0 where none were written yet). */
export async function notesOf(
	w: WorkshopLean,
	disclosure: Disclosure
): Promise<Record<string, WorkshopNoteDto>> {
	const id = w._id.toString();
	const rows = (await Promise.all(w.agenda.map((item) => latestOf(w._id, item._id)))).filter(
		(row): row is VersionRow => row !== null
	);
	const names = await namesOf(rows.map((r) => r.editedBy));
	const notes = Object.fromEntries(
		w.agenda.map((item) => [item._id.toString(), emptyNote(id, item._id.toString())])
	);
	for (const row of rows) notes[row.itemId.toString()] = noteDto(id, row, names, disclosure);
	return notes;
}

function findItem(w: WorkshopLean, itemId: string) {
	return isObjectId(itemId) ? w.agenda.find((i) => i._id.equals(itemId)) : undefined;
}

/**
 * Saves the notes of one agenda item as a new version. The save names the version it started
 * from; if another save came first, nothing is stored and both texts are answered, so the
 * writer merges by hand. The unique version index decides a race between two saves.
 */
export async function saveNote(
	actor: Actor,
	input: { workshopId: string; itemId: string; baseVersion: number; source: string }
): Promise<Result<NoteSaved>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	const item = findItem(workshop, input.itemId);
	if (!item) return refused('not_found');
	if (!can(actor, 'workshop:write-notes', resource))
		return refused('forbidden', 'workshopResults.errors.notesClosed');
	const stale = async (): Promise<Result<NoteSaved>> => {
		const latest = await latestOf(workshop._id, item._id);
		const current = latest
			? noteDto(input.workshopId, latest, await namesOf([latest.editedBy]))
			: emptyNote(input.workshopId, input.itemId);
		return ok({ status: 'stale', current, yours: input.source });
	};
	const latest = await latestOf(workshop._id, item._id);
	if ((latest?.version ?? 0) !== input.baseVersion) return stale();
	let row: VersionRow;
	try {
		const created = await WorkshopNoteVersion.create({
			workshopId: workshop._id,
			itemId: item._id,
			version: input.baseVersion + 1,
			source: input.source,
			html: renderMarkdown(input.source),
			editedBy: oid(actor.id)
		});
		row = created.toObject() as VersionRow;
	} catch (err) {
		if (isDuplicateKeyError(err)) return stale();
		throw err;
	}
	// After closing (notes reopened) the room is outside the live view: names go out replaced.
	const disclosure =
		workshop.state === 'live'
			? undefined
			: await disclosureFor(workshop, { live: false, locale: 'de' });
	const note = noteDto(input.workshopId, row, await namesOf([row.editedBy]), disclosure);
	emitToWorkshop(input.workshopId, 'note:updated', note);
	return ok({ status: 'saved', note });
}

/** Every saved version of one item's notes, newest first (like a post's edit history). */
export async function getNoteHistory(
	actor: Actor,
	input: { workshopId: string; itemId: string; locale: Locale }
): Promise<Result<{ title: string; itemTitle: string; versions: NoteVersionDto[] }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	const { workshop, entry } = loaded.value;
	const item = findItem(workshop, input.itemId);
	if (!item) return refused('not_found');
	const disclosure = await disclosureFor(workshop, {
		live: inLiveView(workshop, entry),
		locale: input.locale
	});
	const rows = await WorkshopNoteVersion.find({ workshopId: workshop._id, itemId: item._id })
		.sort({ version: -1 })
		.limit(500)
		.lean<VersionRow[]>();
	const names = await namesOf(rows.map((r) => r.editedBy));
	return ok({
		title: workshop.title,
		itemTitle: item.title,
		versions: rows.map((r) => {
			const { version, html, source, editedBy, editedAt } = noteDto(
				input.workshopId,
				r,
				names,
				disclosure
			);
			return { version, html, source, editedBy, editedAt: editedAt! };
		})
	});
}

/** An organiser names (or un-names) a roster member as note-taker. */
export const setNoteTaker = (
	actor: Actor,
	input: { workshopId: string; memberId: string; noteTaker: boolean }
) =>
	markRosterEntry(
		actor,
		input,
		{ noteTaker: input.noteTaker },
		input.noteTaker ? 'workshop.note-taker' : 'workshop.note-taker-removed'
	);

/** After closing, an organiser opens notes and outcomes again, or closes them again; audited. */
export async function setNotesReopened(
	actor: Actor,
	input: { workshopId: string; reopen: boolean }
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:reopen-notes');
	if (!loaded.ok) return loaded;
	await Workshop.updateOne(
		{ _id: loaded.value.workshop._id },
		{ $set: { notesReopened: input.reopen } }
	);
	await record({
		actorId: actor.id,
		action: input.reopen ? 'workshop.notes-reopen' : 'workshop.notes-close',
		targetType: 'workshop',
		targetId: input.workshopId,
		summary: loaded.value.workshop.title
	});
	return ok(null);
}
