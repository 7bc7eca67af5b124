import { trusted } from 'mongoose';
import { Workshop, WorkshopRegistration } from '../db/models';
import { scheduleJob, defineJob } from '../jobs';
import * as invitations from '../invitations';
import { ensureWorkshopChannel } from './channel';
import { addTandemSupervisor } from './guests';
import { addObserver } from './observers';
import { onWorkshopChange, type WorkshopChange } from './lifecycle';
import {
	audienceMemberIds,
	cancelReminders,
	defineWorkshopJobs,
	planReminders,
	queueWorkshopMail,
	setMailOrigin
} from './mail';
import { defineOutcomeJobs } from './outcomes';
import { onPromotion } from './registration';
import { endRsvpLinks, rescheduleRsvpLinks } from './rsvp-links';
import type { WorkshopLean } from './access';

/** Changes after publishing reach the roster once, this long after the last edit. */
const changeMailDelayMs = 10 * 60 * 1000;

async function roster(w: WorkshopLean): Promise<string[]> {
	const rows = await WorkshopRegistration.find(
		{
			workshopId: w._id,
			$or: [{ status: trusted({ $in: ['confirmed', 'waitlisted'] }) }, { answer: 'maybe' }]
		},
		{ memberId: 1 }
	).lean();
	return rows.map((r) => r.memberId.toString());
}

async function afterChange(w: WorkshopLean, change: WorkshopChange) {
	const id = w._id.toString();
	if (change === 'published') {
		await ensureWorkshopChannel(w);
		await queueWorkshopMail(id, 'invitation', await audienceMemberIds(w));
		await planReminders(w);
	} else if (change === 'cancelled') {
		await cancelReminders(id);
		await endRsvpLinks(w._id);
		await queueWorkshopMail(id, 'cancelled', await roster(w));
	} else if (change === 'closed') {
		await endRsvpLinks(w._id);
	} else if (change === 'updated' && w.state !== 'draft') {
		await planReminders(w);
		await rescheduleRsvpLinks(w);
		// Debounced: each further edit pushes the one "changed" mail back.
		await scheduleJob({
			key: `workshop:${id}:changes`,
			kind: 'workshop-changes',
			runAt: new Date(Date.now() + changeMailDelayMs),
			payload: { workshopId: id },
			again: true
		});
	}
}

const started = Symbol.for('netzwerk.workshops.started');

/**
 * Wires the workshop side effects (mails as jobs, reminders, tandem acceptance) into the
 * services once per process; called by the app's start and by tests that need them.
 */
export function startWorkshops(options: { origin?: string } = {}): void {
	if (options.origin) setMailOrigin(options.origin);
	const flags = globalThis as Record<symbol, boolean>;
	if (flags[started]) return;
	flags[started] = true;
	defineWorkshopJobs();
	defineOutcomeJobs();
	defineJob('workshop-changes', async (payload, context) => {
		const w = await Workshop.findById(String(payload.workshopId)).lean<WorkshopLean>();
		if (!w || (w.state !== 'published' && w.state !== 'live')) return;
		await queueWorkshopMail(w._id.toString(), 'changed', await roster(w), `:${context.attempt}`);
	});
	onWorkshopChange(afterChange);
	onPromotion((w, memberId) =>
		queueWorkshopMail(w._id.toString(), 'promoted', [memberId], `:${Date.now()}`)
	);
	invitations.onWorkshopInvitationAccepted(
		async ({ memberId, workshopId, role, tandemOf, invitedBy }) => {
			const w = await Workshop.findById(workshopId).lean<WorkshopLean>();
			if (!w) return;
			if (role === 'observer') await addObserver(w, memberId, invitedBy);
			else await addTandemSupervisor(w, memberId, tandemOf ?? invitedBy, invitedBy);
		}
	);
}
