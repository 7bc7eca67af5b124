import { trusted } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { Member, Municipality, WorkshopRegistration } from '../db/models';
import type { RosterEntry, WorkshopLean } from './access';

/**
 * Chatham House: the one rule for confidential workshops and agenda items. What is said may be
 * used, but not tied to a person or a municipality. Every reader of notes, outcomes, survey
 * results and exports and the forum summary asks a `Disclosure` how to show a name, a
 * municipality or a free text; only the roster, in the live view, sees them as they are.
 */
export interface Disclosure {
	/** Whether anything of this item (null: the workshop as a whole) is confidential. */
	confidential(itemId: string | null): boolean;
	/** A person's name, or "Teilnehmer:in". */
	person(itemId: string | null, name: string): string;
	/** A municipality's name, or "Teilnehmer:in" unless the item opted in to name it. */
	municipality(itemId: string | null, name: string): string;
	/** A free text with the roster's names (and municipalities, unless named) replaced. */
	text(itemId: string | null, text: string): string;
	/** The label that stands for a person or municipality. */
	readonly label: string;
}

type Item = WorkshopLean['agenda'][number];
type Confidentiality = Pick<WorkshopLean, 'confidential'> & {
	agenda: Pick<Item, '_id' | 'confidential' | 'nameMunicipality'>[];
};

const itemOf = (w: Confidentiality, itemId: string | null) =>
	itemId ? w.agenda.find((i) => i._id.toString() === itemId) : undefined;

/** A workshop flag covers every item; an item's flag covers that item. */
export function isConfidential(w: Confidentiality, itemId: string | null = null): boolean {
	return w.confidential === true || itemOf(w, itemId)?.confidential === true;
}

/** Whether any part of the workshop is confidential (the page then shows the banner). */
export const anyConfidential = (w: Confidentiality) =>
	w.confidential === true || w.agenda.some((i) => i.confidential === true);

/** The live view of the roster: the one place identities show in a confidential workshop. */
export function inLiveView(
	w: Pick<WorkshopLean, 'state'>,
	entry: Pick<RosterEntry, 'role' | 'answer'> | null
): boolean {
	return (
		w.state === 'live' && entry !== null && !(entry.role === 'participant' && entry.answer === 'no')
	);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern matching any of the names as whole words, longest first, any case. */
function patternOf(names: string[]): RegExp | null {
	const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))];
	if (unique.length === 0) return null;
	unique.sort((a, b) => b.length - a.length);
	return new RegExp(
		`(?<![\\p{L}\\p{N}])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
		'giu'
	);
}

/** The names and municipalities of everyone on the roster, which free texts must not show. */
async function rosterIdentities(w: Pick<WorkshopLean, '_id'>) {
	const rows = await WorkshopRegistration.find({ workshopId: w._id }, { memberId: 1 })
		.limit(2000)
		.lean();
	const members = await Member.find(
		{ _id: trusted({ $in: rows.map((r) => r.memberId) }) },
		{ displayName: 1, municipalityId: 1 }
	).lean();
	const towns = await Municipality.find(
		{ _id: trusted({ $in: members.map((m) => m.municipalityId).filter(Boolean) }) },
		{ name: 1 }
	).lean();
	return { names: members.map((m) => m.displayName), towns: towns.map((t) => t.name) };
}

/**
 * How one reader sees this workshop. `live` is true only for a roster member in the live view
 * (see inLiveView); exports, results and the forum summary pass false.
 */
export async function disclosureFor(
	w: Confidentiality & Pick<WorkshopLean, '_id'>,
	options: { live: boolean; locale: Locale }
): Promise<Disclosure> {
	const label = messages(options.locale).workshopSummary.confidential.participant;
	const hides = (itemId: string | null) => !options.live && isConfidential(w, itemId);
	const namesMunicipality = (itemId: string | null) => itemOf(w, itemId)?.nameMunicipality === true;
	const identities = anyConfidential(w) && !options.live ? await rosterIdentities(w) : null;
	const people = patternOf(identities?.names ?? []);
	const peopleAndTowns = patternOf([...(identities?.names ?? []), ...(identities?.towns ?? [])]);
	return {
		label,
		confidential: (itemId) => isConfidential(w, itemId),
		person: (itemId, name) => (hides(itemId) && name ? label : name),
		municipality: (itemId, name) =>
			hides(itemId) && name && !namesMunicipality(itemId) ? label : name,
		text(itemId, text) {
			if (!hides(itemId)) return text;
			const pattern = namesMunicipality(itemId) ? people : peopleAndTowns;
			return pattern ? text.replace(pattern, label) : text;
		}
	};
}
