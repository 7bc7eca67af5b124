import { Schema, type InferSchemaType, Types } from 'mongoose';
import { agendaKinds, agendaMethods, rsvpAnswers, workshopFormats } from '$lib/workshops';
import { invalidateTags, tags } from '../../cache';
import { afterEveryWrite, defineModel } from './model';

export const workshopStates = [
	'draft',
	'published',
	'live',
	'closed',
	'archived',
	'cancelled'
] as const;

const agendaItemSchema = new Schema({
	/** A section heading groups the items after it; it has no duration of its own. */
	kind: { type: String, enum: agendaKinds, default: 'item' },
	title: { type: String, required: true, trim: true },
	durationMinutes: { type: Number, default: 0 },
	speaker: { type: String, default: '' },
	description: { type: String, default: '' },
	method: { type: String, enum: agendaMethods, default: 'input' },
	/** Chatham House for this item (see workshops/confidential.ts); `nameMunicipality` opts in. */
	confidential: { type: Boolean, default: false },
	nameMunicipality: { type: Boolean, default: false }
});

/** A topic a participant proposes; organisers move it into the agenda or leave it. */
const proposalSchema = new Schema({
	title: { type: String, required: true, trim: true },
	proposedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
	createdAt: { type: Date, default: () => new Date() }
});

/**
 * A transfer workshop: a closed event for alumni of some cohorts, their supervisors and
 * observers. Times are stored in UTC and shown in `timeZone` (Europe/Berlin).
 */
const workshopSchema = new Schema(
	{
		number: { type: Number, default: null },
		title: { type: String, required: true, trim: true },
		descriptionSource: { type: String, default: '' },
		descriptionHtml: { type: String, default: '' },
		startsAt: { type: Date, required: true },
		endsAt: { type: Date, required: true },
		timeZone: { type: String, default: 'Europe/Berlin' },
		format: { type: String, enum: workshopFormats, required: true },
		onlineUrl: { type: String, default: '' },
		address: { type: String, default: '' },
		organiserIds: { type: [Schema.Types.ObjectId], ref: 'Member', default: [] },
		audienceCohortIds: { type: [Schema.Types.ObjectId], ref: 'Cohort', default: [] },
		capacity: { type: Number, required: true },
		/** Seats only supervisors may take (of `capacity`). */
		supervisorSeats: { type: Number, default: 0 },
		registrationDeadline: { type: Date, default: null },
		state: { type: String, enum: workshopStates, default: 'draft' },
		publishedAt: { type: Date, default: null },
		closedAt: { type: Date, default: null },
		/** Days after closing during which guests (supervisors, observers) keep access. */
		guestAccessDays: { type: Number, default: 30 },
		/** Raised on every change after publishing: the calendar files' SEQUENCE. */
		sequence: { type: Number, default: 0 },
		agenda: { type: [agendaItemSchema], default: [] },
		proposals: { type: [proposalSchema], default: [] },
		channelId: { type: Schema.Types.ObjectId, ref: 'Channel', default: null },
		/** Whether participants, not only organisers, may add materials (files and links). */
		participantUploads: { type: Boolean, default: false },
		/** Set by an organiser after closing: notes and outcomes may be written again. */
		notesReopened: { type: Boolean, default: false },
		/** The live view: the agenda item running now and since when. */
		liveItemId: { type: Schema.Types.ObjectId, default: null },
		liveItemStartedAt: { type: Date, default: null },
		/** Chatham House for the whole workshop (see workshops/confidential.ts). */
		confidential: { type: Boolean, default: false },
		/** The forum thread its summary was published to, and the workshop it follows up. */
		summaryThreadId: { type: Schema.Types.ObjectId, ref: 'ForumThread', default: null },
		followsWorkshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', default: null },
		createdBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
workshopSchema.index({ state: 1, startsAt: 1 });
workshopSchema.index({ audienceCohortIds: 1, startsAt: 1 });

export const rosterRoles = ['participant', 'supervisor', 'observer', 'organiser'] as const;

/**
 * A person on a workshop's roster and their answer. Only `confirmed` holds a seat (see
 * WorkshopSeat); `waitlisted` waits in order of `waitlistedAt`.
 */
const registrationSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		role: { type: String, enum: rosterRoles, required: true },
		answer: { type: String, enum: rsvpAnswers, default: null },
		status: { type: String, enum: ['confirmed', 'waitlisted', 'none'], default: 'none' },
		waitlistedAt: { type: Date, default: null },
		/** For a supervisor: the alumna or alumnus who brought them (the tandem). */
		tandemOf: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
		invitedBy: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
		/** Named by an organiser: writes the notes of the agenda items. */
		noteTaker: { type: Boolean, default: false },
		/** Was there: checked in by themselves, or corrected by an organiser; null: not marked. */
		attended: { type: Boolean, default: null }
	},
	{ timestamps: true }
);
registrationSchema.index({ workshopId: 1, memberId: 1 }, { unique: true });
registrationSchema.index({ memberId: 1 });
registrationSchema.index({ workshopId: 1, status: 1, waitlistedAt: 1 });

/**
 * One document per taken seat. The unique (workshop, seat) index is what decides a race for
 * the last seat, on MongoDB and on the embedded database alike (which has no transactions and
 * no atomic conditional update); (workshop, member) keeps one seat per person.
 */
const seatSchema = new Schema(
	{
		workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
		seat: { type: Number, required: true },
		memberId: { type: Schema.Types.ObjectId, ref: 'Member', required: true }
	},
	{ timestamps: true }
);
seatSchema.index({ workshopId: 1, seat: 1 }, { unique: true });
seatSchema.index({ workshopId: 1, memberId: 1 }, { unique: true });

export type WorkshopDoc = InferSchemaType<typeof workshopSchema> & { _id: Types.ObjectId };
export type WorkshopRegistrationDoc = InferSchemaType<typeof registrationSchema> & {
	_id: Types.ObjectId;
};
// Workshop lists and seat counts are cached (workshops/cached.ts): any write to a workshop, a
// roster or a seat retires them.
for (const schema of [workshopSchema, registrationSchema, seatSchema])
	afterEveryWrite(schema, () => invalidateTags(tags.workshops));
export const Workshop = defineModel('Workshop', workshopSchema);
export const WorkshopRegistration = defineModel('WorkshopRegistration', registrationSchema);
export const WorkshopSeat = defineModel('WorkshopSeat', seatSchema);
