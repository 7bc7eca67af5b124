import { Schema, type InferSchemaType } from 'mongoose';
import { defineModel } from './model';

/**
 * A durable job: work that must happen once, later or again after a failure (reminder mails,
 * mails that wait for SMTP, follow-up reminders). Stored, so it survives restarts.
 */
const jobSchema = new Schema(
	{
		/** The caller's name for the job, e.g. "workshop-reminder:7d:<id>:<member>"; one job per key. */
		key: { type: String, required: true },
		kind: { type: String, required: true },
		payload: { type: Schema.Types.Mixed, default: {} },
		runAt: { type: Date, required: true },
		state: { type: String, enum: ['pending', 'done', 'failed', 'cancelled'], default: 'pending' },
		/** Runs started so far; also names the next claim (see jobs/claims.ts). */
		attempts: { type: Number, default: 0 },
		/** While a runner works on the job, others leave it alone; after a crash it expires. */
		leaseUntil: { type: Date, default: null },
		lastError: { type: String, default: null },
		finishedAt: { type: Date, default: null }
	},
	{ timestamps: true }
);
jobSchema.index({ key: 1 }, { unique: true });
jobSchema.index({ state: 1, runAt: 1 });

/** One document per (job, attempt): whoever inserts it first runs that attempt. */
const jobClaimSchema = new Schema(
	{
		_id: { type: String, required: true },
		owner: { type: String, required: true },
		claimedAt: { type: Date, default: () => new Date() }
	},
	{ versionKey: false }
);

export type JobDoc = InferSchemaType<typeof jobSchema> & { _id: import('mongoose').Types.ObjectId };
export const Job = defineModel('Job', jobSchema);
export const JobClaim = defineModel('JobClaim', jobClaimSchema);
