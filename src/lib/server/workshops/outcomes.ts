import { trusted, type Types } from 'mongoose';
import { messages, type Locale } from '$lib/i18n';
import { can, type Actor } from '../auth/permissions';
import { isObjectId, oid } from '../db/ids';
import { Member, Workshop, WorkshopOutcome, WorkshopRegistration } from '../db/models';
import { cancelJobs, defineJob, scheduleJob } from '../jobs';
import { sendMail } from '../mail';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import type { Disclosure } from './confidential';
import { workshopPageUrl } from './mail';

export type OutcomeKind = 'decision' | 'information' | 'follow-up';

export interface OutcomeDto {
	id: string;
	itemId: string;
	kind: OutcomeKind;
	text: string;
	owner: string | null;
	dueOn: string | null;
}

export interface OutcomeInput {
	itemId: string;
	kind: OutcomeKind;
	text: string;
	ownerId: string | null;
	dueOn: Date | null;
}

const dayMs = 24 * 60 * 60 * 1000;
const reminderKey = (outcomeId: string) => `workshop-outcome:${outcomeId}:overdue`;

/**
 * The outcomes of every agenda item, oldest first, with the follow-up owners' names as this
 * reader may see them (Chatham House: see confidential.ts).
 */
export async function outcomesOf(w: WorkshopLean, disclosure: Disclosure): Promise<OutcomeDto[]> {
	const rows = await WorkshopOutcome.find({ workshopId: w._id })
		.sort({ createdAt: 1, _id: 1 })
		.limit(1000)
		.lean();
	const owners = await Member.find(
		{ _id: trusted({ $in: rows.map((r) => r.ownerId).filter(Boolean) as Types.ObjectId[] }) },
		{ displayName: 1 }
	).lean();
	const nameOf = new Map(owners.map((m) => [m._id.toString(), m.displayName]));
	return rows.map((r) => {
		const itemId = r.itemId.toString();
		const owner = r.ownerId ? (nameOf.get(r.ownerId.toString()) ?? null) : null;
		return {
			id: r._id.toString(),
			itemId,
			kind: r.kind as OutcomeKind,
			text: disclosure.text(itemId, r.text),
			owner: owner && disclosure.person(itemId, owner),
			dueOn: r.dueOn?.toISOString().slice(0, 10) ?? null
		};
	});
}

/**
 * Records a decision, an information or a follow-up on an agenda item (who writes notes writes
 * outcomes). A follow-up names its owner from the roster and a due date; the day after it, the
 * owner gets one mail (a durable job: it survives a restart and is sent once).
 */
export async function addOutcome(
	actor: Actor,
	input: OutcomeInput & { workshopId: string }
): Promise<Result<{ id: string }>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	if (!isObjectId(input.itemId) || !workshop.agenda.some((i) => i._id.equals(input.itemId)))
		return refused('not_found');
	if (!can(actor, 'workshop:write-notes', resource))
		return refused('forbidden', 'workshopResults.errors.notesClosed');
	const followUp = input.kind === 'follow-up';
	if (followUp && (!input.ownerId || !input.dueOn))
		return refused('invalid', 'workshopResults.errors.followUpIncomplete', 'ownerId');
	if (
		followUp &&
		!(await WorkshopRegistration.exists({
			workshopId: workshop._id,
			memberId: oid(input.ownerId!)
		}))
	)
		return refused('invalid', 'workshopResults.errors.ownerNotOnRoster', 'ownerId');
	const outcome = await WorkshopOutcome.create({
		workshopId: workshop._id,
		itemId: oid(input.itemId),
		kind: input.kind,
		text: input.text,
		ownerId: followUp ? oid(input.ownerId!) : null,
		dueOn: followUp ? input.dueOn : null,
		createdBy: oid(actor.id)
	});
	const id = outcome._id.toString();
	if (followUp)
		await scheduleJob({
			key: reminderKey(id),
			kind: 'workshop-follow-up-overdue',
			runAt: new Date(input.dueOn!.getTime() + dayMs),
			payload: { outcomeId: id }
		});
	return ok({ id });
}

export async function removeOutcome(
	actor: Actor,
	input: { workshopId: string; outcomeId: string }
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:read-notes');
	if (!loaded.ok) return loaded;
	if (!isObjectId(input.outcomeId)) return refused('not_found');
	if (!can(actor, 'workshop:write-notes', loaded.value.resource))
		return refused('forbidden', 'workshopResults.errors.notesClosed');
	const removed = await WorkshopOutcome.deleteOne({
		_id: oid(input.outcomeId),
		workshopId: loaded.value.workshop._id
	});
	if (removed.deletedCount === 0) return refused('not_found');
	await cancelJobs([reminderKey(input.outcomeId)]);
	return ok(null);
}

/** Tells the owner of an overdue follow-up, once; marks it so a repeated run sends nothing. */
async function remindOverdue(outcomeId: string): Promise<void> {
	const outcome = await WorkshopOutcome.findById(outcomeId).lean();
	if (!outcome || outcome.remindedAt || !outcome.ownerId) return;
	const [workshop, owner] = await Promise.all([
		Workshop.findById(outcome.workshopId, { title: 1 }).lean(),
		Member.findById(outcome.ownerId, {
			email: 1,
			displayName: 1,
			locale: 1,
			deactivatedAt: 1
		}).lean()
	]);
	if (!workshop || !owner || owner.deactivatedAt) return;
	const t = messages((owner.locale ?? 'de') as Locale).workshopResults.mail;
	await sendMail({
		to: owner.email,
		subject: t.overdueSubject(workshop.title),
		text: t.overdueText(owner.displayName, workshop.title, outcome.text),
		link: workshopPageUrl(outcome.workshopId.toString()),
		linkLabel: t.openWorkshop
	});
	await WorkshopOutcome.updateOne({ _id: outcome._id }, { $set: { remindedAt: new Date() } });
}

let defined = false;
/** Registers the reminder job (once per process, from the workshops' start). */
export function defineOutcomeJobs(): void {
	if (defined) return;
	defined = true;
	defineJob('workshop-follow-up-overdue', (payload) => remindOverdue(String(payload.outcomeId)));
}
