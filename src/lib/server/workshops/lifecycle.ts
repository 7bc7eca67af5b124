import { trusted } from 'mongoose';
import { record } from '../audit';
import { can, type Actor } from '../auth/permissions';
import { oid } from '../db/ids';
import { Cohort, Workshop, WorkshopRegistration } from '../db/models';
import { renderMarkdown } from '../markdown';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type WorkshopLean } from './access';
import { seatsTaken } from './seats';

export type WorkshopState = 'draft' | 'published' | 'live' | 'closed' | 'archived' | 'cancelled';

export interface WorkshopInput {
	number: number | null;
	title: string;
	descriptionSource: string;
	startsAt: Date;
	endsAt: Date;
	format: 'online' | 'onsite' | 'hybrid';
	onlineUrl: string;
	address: string;
	capacity: number;
	supervisorSeats: number;
	registrationDeadline: Date | null;
	guestAccessDays: number;
	audienceCohortIds: string[];
	/** Chatham House for the whole workshop (confidential.ts). */
	confidential?: boolean;
}

/** The state machine: draft -> published -> live -> closed -> archived; cancelled before closed. */
const transitions: Record<WorkshopState, readonly WorkshopState[]> = {
	draft: ['published', 'cancelled'],
	published: ['live', 'closed', 'cancelled'],
	live: ['closed', 'cancelled'],
	closed: ['archived'],
	archived: [],
	cancelled: []
};

export const nextStates = (state: WorkshopState) => transitions[state];

const auditActions: Record<WorkshopState, string> = {
	draft: 'workshop.create',
	published: 'workshop.publish',
	live: 'workshop.start',
	closed: 'workshop.close',
	archived: 'workshop.archive',
	cancelled: 'workshop.cancel'
};

async function checkInput(
	input: WorkshopInput,
	workshopId?: WorkshopLean['_id']
): Promise<Result<null>> {
	if (input.endsAt <= input.startsAt)
		return refused('invalid', 'workshops.errors.endBeforeStart', 'endTime');
	if (input.supervisorSeats > input.capacity)
		return refused('invalid', 'workshops.errors.seatsOverCapacity', 'supervisorSeats');
	if (input.format !== 'onsite' && !input.onlineUrl)
		return refused('invalid', 'workshops.errors.onlineUrlMissing', 'onlineUrl');
	if (input.format !== 'online' && !input.address)
		return refused('invalid', 'workshops.errors.addressMissing', 'address');
	if (input.audienceCohortIds.length === 0)
		return refused('invalid', 'workshops.errors.audienceMissing', 'audienceCohortIds');
	const known = await Cohort.countDocuments({
		_id: trusted({ $in: input.audienceCohortIds.map(oid) })
	});
	if (known !== new Set(input.audienceCohortIds).size)
		return refused('invalid', 'validation.invalidId', 'audienceCohortIds');
	if (workshopId && (await seatsTaken(workshopId)) > input.capacity)
		return refused('invalid', 'workshops.errors.capacityBelowTaken', 'capacity');
	return ok(null);
}

function fieldsOf(input: WorkshopInput) {
	const { audienceCohortIds, ...rest } = input;
	return {
		...rest,
		descriptionHtml: renderMarkdown(input.descriptionSource),
		audienceCohortIds: [...new Set(audienceCohortIds)].map(oid)
	};
}

/** A new workshop starts as a draft: visible to organisers only, nothing is sent. */
export async function createWorkshop(
	actor: Actor,
	input: WorkshopInput
): Promise<Result<{ id: string }>> {
	if (!can(actor, 'workshop:create')) return refused('forbidden');
	const checked = await checkInput(input);
	if (!checked.ok) return checked;
	const workshop = await Workshop.create({
		...fieldsOf(input),
		organiserIds: [oid(actor.id)],
		createdBy: oid(actor.id)
	});
	await WorkshopRegistration.create({
		workshopId: workshop._id,
		memberId: oid(actor.id),
		role: 'organiser'
	});
	const id = workshop._id.toString();
	await record({
		actorId: actor.id,
		action: 'workshop.create',
		targetType: 'workshop',
		targetId: id,
		summary: input.title
	});
	return ok({ id });
}

export async function updateWorkshop(
	actor: Actor,
	input: WorkshopInput & { id: string }
): Promise<Result<{ id: string }>> {
	const loaded = await loadWorkshopFor(actor, input.id, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	if (workshop.state === 'cancelled' || workshop.state === 'closed')
		return refused('invalid', 'workshops.errors.wrongState');
	const checked = await checkInput(input, workshop._id);
	if (!checked.ok) return checked;
	const { id, ...rest } = input;
	// After publishing every change raises the calendar SEQUENCE, so calendars take it.
	const bump = workshop.state === 'draft' ? {} : { $inc: { sequence: 1 } };
	await Workshop.updateOne({ _id: workshop._id }, { $set: fieldsOf(rest), ...bump });
	await record({
		actorId: actor.id,
		action: 'workshop.update',
		targetType: 'workshop',
		targetId: id,
		summary: input.title
	});
	for (const listener of changeListeners)
		await listener({ ...workshop, ...fieldsOf(rest) }, 'updated');
	return ok({ id });
}

export type WorkshopChange = Exclude<WorkshopState, 'draft'> | 'updated';
type ChangeListener = (workshop: WorkshopLean, change: WorkshopChange) => Promise<void>;
const changeListeners: ChangeListener[] = [];
/** Mail, calendar and channel code hook in here (publishing sends invitations, and so on). */
export function onWorkshopChange(listener: ChangeListener): void {
	changeListeners.push(listener);
}

/** Tells the listeners (mails, calendar) that a workshop's details or agenda changed. */
export async function notifyChanged(workshop: WorkshopLean): Promise<void> {
	for (const listener of changeListeners) await listener(workshop, 'updated');
}

/** Moves the workshop along its lifecycle; every change is audited. Publishing is one-way. */
export async function changeWorkshopState(
	actor: Actor,
	input: { id: string; to: WorkshopState }
): Promise<Result<{ id: string; state: WorkshopState }>> {
	const loaded = await loadWorkshopFor(actor, input.id, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const from = workshop.state as WorkshopState;
	if (!transitions[from].includes(input.to))
		return refused('invalid', 'workshops.errors.wrongState');
	const now = new Date();
	const set: Record<string, unknown> = { state: input.to };
	if (input.to === 'published') set.publishedAt = now;
	if (input.to === 'closed') set.closedAt = now;
	// The state write is conditional on the state read: of two organisers clicking at once, the
	// second finds nothing to change.
	const changed = await Workshop.updateOne(
		{ _id: workshop._id, state: from },
		{ $set: set, ...(from === 'draft' ? {} : { $inc: { sequence: 1 } }) }
	);
	if (changed.modifiedCount === 0) return refused('conflict');
	await record({
		actorId: actor.id,
		action: auditActions[input.to],
		targetType: 'workshop',
		targetId: input.id,
		summary: workshop.title,
		details: { from, to: input.to }
	});
	const after = { ...workshop, ...set } as WorkshopLean;
	// The transition table leads back to no draft.
	for (const listener of changeListeners) await listener(after, input.to as WorkshopChange);
	return ok({ id: input.id, state: input.to });
}
