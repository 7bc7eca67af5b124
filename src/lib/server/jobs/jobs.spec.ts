import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { Job, JobClaim } from '../db/models';
import { cancelJobs, defineJob, jobSettings, jobState, runDueJobs, scheduleJob } from './index';

useTestDatabase('jobs');

const runs: { key: string; attempt: number; payload: Record<string, unknown> }[] = [];
let failuresLeft = 0;
defineJob('test-mail', async (payload, context) => {
	runs.push({ key: context.key, attempt: context.attempt, payload });
	if (failuresLeft > 0) {
		failuresLeft--;
		throw new Error('SMTP is away');
	}
});

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('durable jobs', () => {
	it('runs a due job once, even with several instances polling at the same moment', async () => {
		runs.length = 0;
		await scheduleJob({ key: 'once', kind: 'test-mail', runAt: minutes(-1), payload: { to: 'a' } });
		const ran = await Promise.all(
			['instance-a', 'instance-b', 'instance-c', 'instance-d'].map((owner) => runDueJobs(owner))
		);
		expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
		expect(runs.filter((r) => r.key === 'once')).toEqual([
			{ key: 'once', attempt: 1, payload: { to: 'a' } }
		]);
		expect((await jobState('once'))?.state).toBe('done');
		// Done stays done: polling again runs nothing, scheduling the key again changes nothing.
		await scheduleJob({ key: 'once', kind: 'test-mail', runAt: minutes(-1) });
		expect(await runDueJobs('instance-a')).toBe(0);
	});

	it('leaves future jobs alone and re-plans a pending job under the same key', async () => {
		runs.length = 0;
		await scheduleJob({ key: 'later', kind: 'test-mail', runAt: minutes(60) });
		expect(await runDueJobs('a')).toBe(0);
		await scheduleJob({ key: 'later', kind: 'test-mail', runAt: minutes(-1), payload: { v: 2 } });
		expect(await Job.countDocuments({ key: 'later' })).toBe(1);
		expect(await runDueJobs('a')).toBe(1);
		expect(runs).toEqual([{ key: 'later', attempt: 1, payload: { v: 2 } }]);
	});

	it('retries a failed run later with backoff and records the error', async () => {
		runs.length = 0;
		failuresLeft = 1;
		await scheduleJob({ key: 'retry', kind: 'test-mail', runAt: minutes(-1) });
		expect(await runDueJobs('a')).toBe(1);
		const afterFailure = await jobState('retry');
		expect(afterFailure).toMatchObject({
			state: 'pending',
			attempts: 1,
			lastError: 'SMTP is away'
		});
		expect(afterFailure!.runAt.getTime()).toBeGreaterThan(Date.now());
		expect(await runDueJobs('a')).toBe(0); // not before its time
		expect(await runDueJobs('a', new Date(Date.now() + jobSettings.backoffMs(1) + 1000))).toBe(1);
		expect(await jobState('retry')).toMatchObject({ state: 'done', attempts: 2, lastError: null });
		expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
	});

	it('takes over a job whose runner died, once its lease has expired', async () => {
		runs.length = 0;
		await scheduleJob({ key: 'orphan', kind: 'test-mail', runAt: minutes(-1) });
		const job = await Job.findOne({ key: 'orphan' }).lean();
		// A runner claimed attempt 1 and died before recording it.
		await JobClaim.create({ _id: `${job!._id}:1`, owner: 'dead', claimedAt: minutes(-1) });
		expect(await runDueJobs('a')).toBe(0); // its lease is still running
		const later = new Date(Date.now() + jobSettings.leaseMs + 1000);
		expect(await runDueJobs('a', later)).toBe(0); // notices the dead claim, moves on
		expect(await runDueJobs('b', later)).toBe(1);
		expect(runs).toEqual([{ key: 'orphan', attempt: 2, payload: {} }]);
	});

	it('arms a finished job again when asked, pushing a pending one back (debounce)', async () => {
		runs.length = 0;
		await scheduleJob({ key: 'changes', kind: 'test-mail', runAt: minutes(10), again: true });
		await scheduleJob({ key: 'changes', kind: 'test-mail', runAt: minutes(20), again: true });
		expect(await runDueJobs('a', minutes(15))).toBe(0); // pushed back by the second change
		expect(await runDueJobs('a', minutes(21))).toBe(1);
		await scheduleJob({ key: 'changes', kind: 'test-mail', runAt: minutes(30), again: true });
		expect(await runDueJobs('a', minutes(31))).toBe(1);
		expect(runs.map((r) => r.attempt)).toEqual([1, 2]);
		expect(await Job.countDocuments({ key: 'changes' })).toBe(1);
	});

	it('cancels pending jobs by key and never runs them', async () => {
		runs.length = 0;
		await scheduleJob({ key: 'cancel-me', kind: 'test-mail', runAt: minutes(-1) });
		expect(await cancelJobs(['cancel-me', 'unknown'])).toBe(1);
		expect(await runDueJobs('a')).toBe(0);
		expect((await jobState('cancel-me'))?.state).toBe('cancelled');
	});

	it('gives up after the last attempt and marks the job failed', async () => {
		runs.length = 0;
		failuresLeft = jobSettings.maxAttempts;
		await scheduleJob({ key: 'hopeless', kind: 'test-mail', runAt: minutes(-1) });
		let at = Date.now();
		for (let i = 0; i < jobSettings.maxAttempts; i++) {
			at += jobSettings.backoffMs(jobSettings.maxAttempts) + 1000;
			await runDueJobs('a', new Date(at));
		}
		expect(await jobState('hopeless')).toMatchObject({
			state: 'failed',
			attempts: jobSettings.maxAttempts
		});
		expect(runs).toHaveLength(jobSettings.maxAttempts);
		failuresLeft = 0;
	});
});
