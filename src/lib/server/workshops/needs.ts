import { trusted, type Types } from 'mongoose';
import type { NeedCreateInput, NeedFields } from '$lib/schemas/needs';
import { severalMunicipalities, type NeedSourceKind, type NeedStatus } from '$lib/workshops';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import {
	Municipality,
	Need,
	NeedVote,
	Survey,
	SurveyResponse,
	WorkshopNoteVersion
} from '../db/models';
import { renderMarkdown } from '../markdown';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type LoadedWorkshop, type WorkshopLean } from './access';
import type { StoredAnswer } from './survey';
import { municipalityList } from './survey-answers';

export interface NeedSourceDto {
	kind: NeedSourceKind;
	/** Where the text came from (the survey's results, the agenda item's notes); null by hand. */
	href: string | null;
}

export interface NeedCardDto {
	id: string;
	workshopId: string;
	title: string;
	descriptionHtml: string;
	/** null: several municipalities ("mehrere"). */
	municipality: { id: string; name: string } | null;
	topic: string;
	status: NeedStatus;
	sources: NeedSourceDto[];
}

type SourceLean = {
	kind: NeedSourceKind;
	questionId: Types.ObjectId | null;
	responseId: Types.ObjectId | null;
	itemId: Types.ObjectId | null;
};
/** A need card as `.lean()` reads it. */
export type NeedLean = {
	_id: Types.ObjectId;
	workshopId: Types.ObjectId;
	title: string;
	descriptionSource: string;
	descriptionHtml: string;
	municipalityId: Types.ObjectId | null;
	topic: string;
	status: NeedStatus;
	sources: SourceLean[];
	mergedInto: Types.ObjectId | null;
	createdAt: Date;
};

/** Cards of one workshop, or of a register page: a bounded list, oldest first. */
export const maxNeedsPerWorkshop = 500;

export function sourceHref(workshopId: string, source: SourceLean): string | null {
	if (source.kind === 'survey' && source.questionId)
		return `/workshops/${workshopId}/survey/results#question-${source.questionId.toString()}`;
	if (source.kind === 'note' && source.itemId)
		return `/workshops/${workshopId}#note-${source.itemId.toString()}`;
	return null;
}

// A field the database left out reads as undefined: treated like null ("mehrere").
export async function municipalityNames(ids: (Types.ObjectId | null | undefined)[]) {
	const wanted = [...new Set(ids.filter((id) => id != null).map(String))].map(oid);
	const rows = wanted.length
		? await Municipality.find({ _id: trusted({ $in: wanted }) }, { name: 1 }).lean()
		: [];
	return new Map(rows.map((m) => [m._id.toString(), m.name]));
}

export function needCardDto(n: NeedLean, municipalities: Map<string, string>): NeedCardDto {
	const workshopId = n.workshopId.toString();
	const municipalityId = n.municipalityId?.toString() ?? null;
	return {
		id: n._id.toString(),
		workshopId,
		title: n.title,
		descriptionHtml: n.descriptionHtml,
		municipality: municipalityId
			? { id: municipalityId, name: municipalities.get(municipalityId) ?? '—' }
			: null,
		topic: n.topic,
		status: n.status,
		sources: n.sources.map((s) => ({ kind: s.kind, href: sourceHref(workshopId, s) }))
	};
}

/** The cards of a workshop that stand on their own (merged ones live on in their target). */
export async function needsOf(workshopId: Types.ObjectId): Promise<NeedLean[]> {
	return Need.find({ workshopId, mergedInto: null })
		.sort({ createdAt: 1 })
		.limit(maxNeedsPerWorkshop)
		.lean<NeedLean[]>();
}

export async function needCards(needs: NeedLean[]): Promise<NeedCardDto[]> {
	const names = await municipalityNames(needs.map((n) => n.municipalityId));
	return needs.map((n) => needCardDto(n, names));
}

/** The workshop, checked for managing its cards: hidden ones answer not_found. */
async function loadForManaging(actor: Actor, workshopId: string): Promise<Result<LoadedWorkshop>> {
	const loaded = await loadWorkshopFor(actor, workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	if (!can(actor, 'need:manage', loaded.value.resource)) return refused('forbidden');
	return loaded;
}

async function findNeed(workshop: WorkshopLean, needId: string): Promise<NeedLean | null> {
	if (!isObjectId(needId)) return null;
	return Need.findOne({ _id: oid(needId), workshopId: workshop._id }).lean<NeedLean>();
}

/** "mehrere" or an existing municipality's id; anything else is refused on its field. */
async function municipalityField(value: string): Promise<Result<Types.ObjectId | null>> {
	if (value === severalMunicipalities) return ok(null);
	if (!isObjectId(value) || !(await Municipality.exists({ _id: oid(value) })))
		return refused('invalid', 'needs.errors.unknownMunicipality', 'municipality');
	return ok(oid(value));
}

/** The survey answer or agenda item a card is taken from, checked to belong to the workshop. */
async function sourceOf(
	actor: Actor,
	workshop: WorkshopLean,
	input: Pick<NeedCreateInput, 'sourceKind' | 'questionId' | 'responseId' | 'itemId'>
): Promise<Result<SourceLean & { addedBy: Types.ObjectId }>> {
	const base = { questionId: null, responseId: null, itemId: null, addedBy: oid(actor.id) };
	if (input.sourceKind === 'manual') return ok({ ...base, kind: 'manual' });
	if (input.sourceKind === 'note') {
		const item = workshop.agenda.find((i) => input.itemId && i._id.equals(input.itemId));
		if (!item) return refused('invalid', 'needs.errors.sourceMissing');
		return ok({ ...base, kind: 'note', itemId: item._id });
	}
	const answer = await surveyAnswerOf(workshop, input.questionId, input.responseId);
	if (!answer) return refused('invalid', 'needs.errors.sourceMissing');
	return ok({
		...base,
		kind: 'survey',
		questionId: oid(input.questionId!),
		responseId: oid(input.responseId!)
	});
}

/** A free-text answer of the workshop's survey, with the answer set's municipality. */
async function surveyAnswerOf(
	workshop: WorkshopLean,
	questionId: string | null,
	responseId: string | null
) {
	if (!isObjectId(questionId) || !isObjectId(responseId)) return null;
	const survey = await Survey.findOne({ workshopId: workshop._id }, { anonymous: 1 }).lean();
	if (!survey) return null;
	const response = await SurveyResponse.findOne(
		{ _id: oid(responseId), surveyId: survey._id },
		{ answers: 1, municipalityId: 1 }
	).lean<{ answers: StoredAnswer[]; municipalityId: Types.ObjectId | null }>();
	const answer = response?.answers.find((a) => a.questionId.equals(questionId));
	if (!response || typeof answer?.text !== 'string') return null;
	return {
		text: answer.text,
		// An anonymous survey's answer does not tell its municipality, not even to organisers.
		municipalityId: survey.anonymous ? null : response.municipalityId
	};
}

export interface NeedDraftDto {
	workshop: { id: string; number: number | null; title: string };
	values: NeedFields & Pick<NeedCreateInput, 'sourceKind' | 'questionId' | 'responseId' | 'itemId'>;
	municipalities: { id: string; name: string }[];
}

const firstLine = (text: string) => text.trim().split('\n')[0]!.slice(0, 120);

/**
 * The form for a new card, filled from where it is taken: a survey's free-text answer (its
 * text, and the municipality unless the survey is anonymous) or an agenda item's notes.
 */
export async function getNeedDraft(
	actor: Actor,
	input: {
		workshopId: string;
		from?: 'survey' | 'note' | 'manual';
		questionId?: string;
		responseId?: string;
		itemId?: string;
	}
): Promise<Result<NeedDraftDto>> {
	const loaded = await loadForManaging(actor, input.workshopId);
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const empty = {
		title: '',
		descriptionSource: '',
		municipality: severalMunicipalities,
		topic: ''
	};
	const none = { questionId: null, responseId: null, itemId: null };
	let values: NeedDraftDto['values'] = { ...empty, ...none, sourceKind: 'manual' };
	if (input.from === 'survey') {
		const answer = await surveyAnswerOf(
			workshop,
			input.questionId ?? null,
			input.responseId ?? null
		);
		if (!answer) return refused('not_found');
		values = {
			...values,
			sourceKind: 'survey',
			questionId: input.questionId!,
			responseId: input.responseId!,
			title: firstLine(answer.text),
			descriptionSource: answer.text,
			municipality: answer.municipalityId?.toString() ?? severalMunicipalities
		};
	} else if (input.from === 'note') {
		const item = workshop.agenda.find((i) => input.itemId && i._id.equals(input.itemId));
		if (!item) return refused('not_found');
		const note = await WorkshopNoteVersion.findOne({ workshopId: workshop._id, itemId: item._id })
			.sort({ version: -1 })
			.lean();
		values = {
			...values,
			sourceKind: 'note',
			itemId: item._id.toString(),
			title: item.title,
			descriptionSource: note?.source ?? ''
		};
	}
	return ok({
		workshop: { id: input.workshopId, number: workshop.number ?? null, title: workshop.title },
		values,
		municipalities: await municipalityList()
	});
}

/** An organiser writes a card by hand or takes it from a survey answer or notes; audited. */
export async function createNeed(
	actor: Actor,
	input: NeedCreateInput & { workshopId: string }
): Promise<Result<{ id: string }>> {
	const loaded = await loadForManaging(actor, input.workshopId);
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const municipalityId = await municipalityField(input.municipality);
	if (!municipalityId.ok) return municipalityId;
	const source = await sourceOf(actor, workshop, input);
	if (!source.ok) return source;
	const need = await Need.create({
		workshopId: workshop._id,
		title: input.title,
		descriptionSource: input.descriptionSource,
		descriptionHtml: renderMarkdown(input.descriptionSource),
		municipalityId: municipalityId.value,
		topic: input.topic,
		sources: [source.value],
		createdBy: oid(actor.id)
	});
	const id = need._id.toString();
	await record({
		actorId: actor.id,
		action: 'need.create',
		targetType: 'need',
		targetId: id,
		summary: input.title,
		details: { workshopId: input.workshopId, source: input.sourceKind }
	});
	return ok({ id });
}

export interface NeedPageDto {
	workshop: { id: string; number: number | null; title: string };
	need: NeedCardDto & { descriptionSource: string };
	/** The card this one was merged into; its page shows that instead of a form. */
	mergedInto: { id: string; title: string } | null;
	/** The other cards it may be merged with (for organisers, before the vote opened). */
	mergeCandidates: { id: string; title: string }[];
	municipalities: { id: string; name: string }[];
	flags: { mayManage: boolean; mayMerge: boolean };
}

/** One card with its sources; organisers get the form values and the merge candidates. */
export async function getNeedPage(
	actor: Actor,
	input: { workshopId: string; needId: string }
): Promise<Result<NeedPageDto>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	const need = await findNeed(workshop, input.needId);
	if (!need) return refused('not_found');
	const mayManage = can(actor, 'need:manage', resource);
	const target = need.mergedInto ? await Need.findById(need.mergedInto, { title: 1 }).lean() : null;
	const mayMerge = mayManage && !need.mergedInto && !(await voteStarted(workshop._id));
	const others = mayMerge
		? (await needsOf(workshop._id)).filter((n) => !n._id.equals(need._id))
		: [];
	const [card] = await needCards([need]);
	return ok({
		workshop: { id: input.workshopId, number: workshop.number ?? null, title: workshop.title },
		need: { ...card!, descriptionSource: mayManage ? need.descriptionSource : '' },
		mergedInto: target ? { id: target._id.toString(), title: target.title } : null,
		mergeCandidates: others.map((n) => ({ id: n._id.toString(), title: n.title })),
		municipalities: mayManage ? await municipalityList() : [],
		flags: { mayManage: mayManage && !need.mergedInto, mayMerge }
	});
}

/** An organiser changes a card's title, description, municipality or topic; audited. */
export async function updateNeed(
	actor: Actor,
	input: NeedFields & { workshopId: string; needId: string }
): Promise<Result<null>> {
	const loaded = await loadForManaging(actor, input.workshopId);
	if (!loaded.ok) return loaded;
	const need = await findNeed(loaded.value.workshop, input.needId);
	if (!need || need.mergedInto) return refused('not_found');
	const municipalityId = await municipalityField(input.municipality);
	if (!municipalityId.ok) return municipalityId;
	await Need.updateOne(
		{ _id: need._id },
		{
			$set: {
				title: input.title,
				descriptionSource: input.descriptionSource,
				descriptionHtml: renderMarkdown(input.descriptionSource),
				municipalityId: municipalityId.value,
				topic: input.topic
			}
		}
	);
	await record({
		actorId: actor.id,
		action: 'need.update',
		targetType: 'need',
		targetId: input.needId,
		summary: input.title
	});
	return ok(null);
}

/**
 * An organiser moves a card to neu, in Arbeit, erledigt or verworfen (from its workshop's page
 * or from the register); audited with the old and the new status.
 */
export async function setNeedStatus(
	actor: Actor,
	input: { needId: string; status: NeedStatus }
): Promise<Result<null>> {
	if (!isObjectId(input.needId)) return refused('not_found');
	const need = await Need.findById(input.needId, { workshopId: 1, status: 1, title: 1 }).lean();
	if (!need) return refused('not_found');
	const loaded = await loadForManaging(actor, need.workshopId.toString());
	if (!loaded.ok) return loaded;
	await Need.updateOne({ _id: need._id }, { $set: { status: input.status } });
	await record({
		actorId: actor.id,
		action: 'need.status',
		targetType: 'need',
		targetId: input.needId,
		summary: need.title,
		details: { from: need.status, to: input.status }
	});
	return ok(null);
}

/** Whether the workshop's dot vote was ever opened (dots may rest on its cards). */
export const voteStarted = async (workshopId: Types.ObjectId) =>
	(await NeedVote.exists({ workshopId })) !== null;

/**
 * An organiser merges a duplicate (`otherId`) into a card: the card keeps both descriptions and
 * both sources, the duplicate is marked merged and points to it. Refused once the dot vote was
 * opened: moving dots could break a voter's limit per card, and a ranking must not change
 * under the voters' hands; duplicates are merged before voting starts.
 */
export async function mergeNeeds(
	actor: Actor,
	input: { workshopId: string; needId: string; otherId: string }
): Promise<Result<null>> {
	const loaded = await loadForManaging(actor, input.workshopId);
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const [kept, other] = await Promise.all([
		findNeed(workshop, input.needId),
		findNeed(workshop, input.otherId)
	]);
	if (!kept || !other || kept.mergedInto || other.mergedInto) return refused('not_found');
	if (kept._id.equals(other._id)) return refused('invalid', 'needs.errors.mergeSelf', 'otherId');
	if (await voteStarted(workshop._id))
		return refused('conflict', 'needs.errors.mergeAfterVote', 'otherId');
	const description = [kept.descriptionSource, other.descriptionSource]
		.filter((d) => d.trim() !== '')
		.join('\n\n---\n\n');
	await Need.updateOne(
		{ _id: kept._id },
		{
			$set: {
				descriptionSource: description,
				descriptionHtml: renderMarkdown(description),
				sources: [...kept.sources, ...other.sources]
			}
		}
	);
	await Need.updateOne({ _id: other._id }, { $set: { mergedInto: kept._id } });
	await record({
		actorId: actor.id,
		action: 'need.merge',
		targetType: 'need',
		targetId: input.needId,
		summary: `${other.title} → ${kept.title}`,
		details: { mergedId: input.otherId }
	});
	return ok(null);
}
