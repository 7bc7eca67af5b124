import { trusted, Types } from 'mongoose';
import type { AgendaItemFields } from '$lib/workshops';
import { record } from '../audit';
import { type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { serialised } from '../db/serial';
import { Member, Workshop } from '../db/models';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type AgendaItemLean } from './access';
import { notifyChanged } from './lifecycle';

export type AgendaChange =
	| { op: 'add'; item: AgendaItemFields; fromProposal?: string }
	| { op: 'update'; itemId: string; item: AgendaItemFields }
	| { op: 'remove'; itemId: string }
	| { op: 'move'; itemId: string; by: -1 | 1 }
	/** Chatham House for one item (confidential.ts). */
	| { op: 'flags'; itemId: string; confidential: boolean; nameMunicipality: boolean };

/**
 * Changes the agenda: add (also from a proposal), edit, remove, move up or down. The whole list
 * is written back; writes to one workshop are queued because the embedded database does not
 * apply concurrent array updates of one document atomically (see db/serial.ts).
 */
export function changeAgenda(
	actor: Actor,
	input: { workshopId: string; change: AgendaChange }
): Promise<Result<null>> {
	return serialised(`workshop:${input.workshopId}`, async () => {
		const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:manage');
		if (!loaded.ok) return loaded;
		const { workshop } = loaded.value;
		if (workshop.state === 'closed' || workshop.state === 'cancelled')
			return refused('invalid', 'workshops.errors.wrongState');
		const items = [...workshop.agenda];
		const { change } = input;
		let proposals = workshop.proposals ?? [];
		if (change.op === 'add') {
			items.push({ _id: new Types.ObjectId(), ...change.item } as AgendaItemLean);
			if (change.fromProposal)
				proposals = proposals.filter((p) => p._id.toString() !== change.fromProposal);
		} else {
			const at = isObjectId(change.itemId)
				? items.findIndex((i) => i._id.equals(change.itemId))
				: -1;
			if (at < 0) return refused('not_found');
			if (change.op === 'update') items[at] = { ...items[at]!, ...change.item };
			else if (change.op === 'remove') items.splice(at, 1);
			else if (change.op === 'flags')
				items[at] = {
					...items[at]!,
					confidential: change.confidential,
					nameMunicipality: change.nameMunicipality
				};
			else {
				const to = at + change.by;
				if (to < 0 || to >= items.length) return ok(null);
				[items[at], items[to]] = [items[to]!, items[at]!];
			}
		}
		await Workshop.updateOne(
			{ _id: workshop._id },
			{
				$set: { agenda: items, proposals },
				...(workshop.state === 'draft' ? {} : { $inc: { sequence: 1 } })
			}
		);
		await record({
			actorId: actor.id,
			action: 'workshop.agenda',
			targetType: 'workshop',
			targetId: input.workshopId,
			summary: change.op
		});
		await notifyChanged({ ...workshop, agenda: items });
		return ok(null);
	});
}

/** Someone on the roster proposes a topic for the agenda (organisers decide). */
export function proposeTopic(
	actor: Actor,
	input: { workshopId: string; title: string }
): Promise<Result<null>> {
	return serialised(`workshop:${input.workshopId}`, async () => {
		const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view-roster');
		if (!loaded.ok) return loaded;
		const { workshop } = loaded.value;
		if (workshop.state !== 'published' && workshop.state !== 'draft')
			return refused('invalid', 'workshops.errors.wrongState');
		await Workshop.updateOne(
			{ _id: workshop._id },
			{ $push: { proposals: { title: input.title, proposedBy: oid(actor.id) } } }
		);
		return ok(null);
	});
}

export interface AgendaEditDto {
	workshopId: string;
	title: string;
	items: (Omit<AgendaItemLean, '_id'> & { id: string })[];
	proposals: { id: string; title: string; proposedBy: string }[];
}

/** The agenda and the proposed topics, for the organisers' agenda page. */
export async function getAgendaForEdit(
	actor: Actor,
	workshopId: string
): Promise<Result<AgendaEditDto>> {
	const loaded = await loadWorkshopFor(actor, workshopId, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const proposers = await Member.find(
		{ _id: trusted({ $in: workshop.proposals.map((p) => p.proposedBy) }) },
		{ displayName: 1 }
	).lean();
	const nameOf = new Map(proposers.map((m) => [m._id.toString(), m.displayName]));
	return ok({
		workshopId,
		title: workshop.title,
		items: workshop.agenda.map(({ _id, ...item }) => ({ id: _id.toString(), ...item })),
		proposals: workshop.proposals.map((p) => ({
			id: p._id.toString(),
			title: p.title,
			proposedBy: nameOf.get(p.proposedBy.toString()) ?? ''
		}))
	});
}
