import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { trusted } from 'mongoose';
import { isDuplicateKeyError } from '../db/errors';
import { Job, JobClaim } from '../db/models';
import { errorFields, log } from '../log';

/**
 * Durable jobs: stored in the database, run by whichever app instance claims them first, retried
 * with backoff, and run again after a crash once their lease expires.
 *
 * Why claims and not `findOneAndUpdate`: the embedded FerretDB does not apply a conditional
 * update atomically under concurrent callers (see db/sequence.ts), so two instances could both
 * "win" the same job. A unique `_id` per (job, attempt) in `JobClaim` decides instead; that holds
 * on MongoDB and FerretDB alike. A job may run twice only if an instance dies after the work and
 * before marking it done: handlers must tolerate that (sending a mail twice is the worst case).
 */

export interface JobSpec {
	/** One job per key: scheduling the same key again re-plans it while it is still pending. */
	key: string;
	kind: string;
	runAt: Date;
	payload?: Record<string, unknown>;
	/**
	 * Arm the job again if it already ran (or was cancelled): for work that recurs under one key,
	 * such as "tell the roster about changes", which each further change pushes back (debounce).
	 */
	again?: boolean;
}

export interface JobContext {
	key: string;
	attempt: number;
}

type Handler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

const handlers = new Map<string, Handler>();

export const jobSettings = {
	/** How long a claimed job is left alone before another instance may take it over. */
	leaseMs: 2 * 60 * 1000,
	maxAttempts: 8,
	/** Retry after 30 s, 1, 2, 4 … minutes, at most an hour. */
	backoffMs: (attempt: number) => Math.min(60 * 60 * 1000, 30_000 * 2 ** (attempt - 1)),
	batchSize: 50
};

/** Registers the code that runs jobs of a kind (once per process, at module load). */
export function defineJob(kind: string, handler: Handler): void {
	handlers.set(kind, handler);
}

/** Stores a job, or moves a pending job with the same key to its new time and payload. */
export async function scheduleJob(spec: JobSpec): Promise<void> {
	const fields = { kind: spec.kind, runAt: spec.runAt, payload: spec.payload ?? {} };
	const replanned = await Job.updateOne(
		spec.again ? { key: spec.key } : { key: spec.key, state: 'pending' },
		// The attempt count stays: it names the claims (see claim()), which must stay unique.
		{
			$set: spec.again
				? { ...fields, state: 'pending', leaseUntil: null, finishedAt: null }
				: fields
		}
	);
	if (replanned.matchedCount > 0) return;
	try {
		await Job.create({ key: spec.key, ...fields });
	} catch (err) {
		// Already there and no longer pending (done, failed or cancelled): it stays as it is.
		if (!isDuplicateKeyError(err)) throw err;
	}
}

/** Cancels pending jobs by key (e.g. the reminders of a cancelled workshop). */
export async function cancelJobs(keys: string[]): Promise<number> {
	if (keys.length === 0) return 0;
	const result = await Job.updateMany(
		{ key: trusted({ $in: keys }), state: 'pending' },
		{ $set: { state: 'cancelled', finishedAt: new Date() } }
	);
	return result.modifiedCount;
}

export interface JobState {
	key: string;
	state: 'pending' | 'done' | 'failed' | 'cancelled';
	attempts: number;
	runAt: Date;
	lastError: string | null;
}

export async function jobState(key: string): Promise<JobState | null> {
	const job = await Job.findOne(
		{ key },
		{ key: 1, state: 1, attempts: 1, runAt: 1, lastError: 1 }
	).lean();
	return job
		? {
				key: job.key,
				state: job.state as JobState['state'],
				attempts: job.attempts ?? 0,
				runAt: job.runAt,
				lastError: job.lastError ?? null
			}
		: null;
}

type DueJob = {
	_id: import('mongoose').Types.ObjectId;
	key: string;
	kind: string;
	payload: Record<string, unknown>;
	attempts: number;
	leaseUntil: Date | null;
};

/** Takes attempt `attempts + 1` of the job for this owner; false when another instance has it. */
async function claim(job: DueJob, owner: string, now: Date): Promise<number | null> {
	const attempt = job.attempts + 1;
	try {
		await JobClaim.create({ _id: `${job._id}:${attempt}`, owner, claimedAt: now });
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
		// The claim exists. If its owner died before recording the attempt, the claim is older
		// than a lease while the job still shows the old count: move the count on, so the next
		// round claims a fresh attempt.
		const existing = await JobClaim.findById(`${job._id}:${attempt}`).lean();
		if (existing && now.getTime() - existing.claimedAt.getTime() > jobSettings.leaseMs) {
			await Job.updateOne(
				{ _id: job._id, attempts: job.attempts },
				{ $set: { attempts: attempt } }
			);
		}
		return null;
	}
	await Job.updateOne(
		{ _id: job._id },
		{ $set: { attempts: attempt, leaseUntil: new Date(now.getTime() + jobSettings.leaseMs) } }
	);
	return attempt;
}

async function finish(job: DueJob, attempt: number, error: unknown, now: Date) {
	if (error === undefined) {
		await Job.updateOne(
			{ _id: job._id },
			{ $set: { state: 'done', finishedAt: now, leaseUntil: null, lastError: null } }
		);
		return;
	}
	const message = error instanceof Error ? error.message : String(error);
	const givesUp = attempt >= jobSettings.maxAttempts;
	await Job.updateOne(
		{ _id: job._id },
		{
			$set: givesUp
				? { state: 'failed', finishedAt: now, leaseUntil: null, lastError: message }
				: {
						runAt: new Date(now.getTime() + jobSettings.backoffMs(attempt)),
						leaseUntil: null,
						lastError: message
					}
		}
	);
	log[givesUp ? 'error' : 'warn'](givesUp ? 'Job failed for good' : 'Job failed; will retry', {
		kind: job.kind,
		attempt,
		...errorFields(error)
	});
}

/**
 * Runs the jobs that are due, each at most once across all instances; returns how many this
 * runner ran. Jobs of kinds this process has no handler for are left to others.
 */
export async function runDueJobs(owner: string, now = new Date()): Promise<number> {
	const due = await Job.find(
		{ state: 'pending', runAt: trusted({ $lte: now }) },
		{ key: 1, kind: 1, payload: 1, attempts: 1, leaseUntil: 1 }
	)
		.sort({ runAt: 1 })
		.limit(jobSettings.batchSize)
		.lean<DueJob[]>();
	let ran = 0;
	for (const job of due) {
		const handler = handlers.get(job.kind);
		if (!handler || (job.leaseUntil && job.leaseUntil > now)) continue;
		const attempt = await claim({ ...job, attempts: job.attempts ?? 0 }, owner, now);
		if (attempt === null) continue;
		ran++;
		let failure: unknown = undefined;
		try {
			await handler(job.payload ?? {}, { key: job.key, attempt });
		} catch (err) {
			failure = err ?? new Error('job failed');
		}
		await finish(job, attempt, failure, new Date());
	}
	return ran;
}

const runnerKey = Symbol.for('netzwerk.jobs.runner');
type RunnerState = { timer: NodeJS.Timeout; running: Promise<unknown> | null };

/** Polls for due jobs in this process until stopJobRunner(); a second call does nothing. */
export function startJobRunner(everyMs = 5000): void {
	const global = globalThis as Record<symbol, RunnerState | undefined>;
	if (global[runnerKey]) return;
	const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
	const state: RunnerState = {
		running: null,
		timer: setInterval(() => {
			if (state.running) return;
			state.running = runDueJobs(owner)
				.catch((err) => log.warn('Running due jobs failed', errorFields(err)))
				.finally(() => (state.running = null));
		}, everyMs)
	};
	state.timer.unref();
	global[runnerKey] = state;
}

/** Stops polling and waits for the round in progress (graceful shutdown). */
export async function stopJobRunner(): Promise<void> {
	const global = globalThis as Record<symbol, RunnerState | undefined>;
	const state = global[runnerKey];
	if (!state) return;
	clearInterval(state.timer);
	global[runnerKey] = undefined;
	await state.running;
}
