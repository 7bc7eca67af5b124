import { trusted } from 'mongoose';
import { LoginAttempt, Member } from '../db/models';
import { config } from '../config';
import { verifyAgainstDummy, verifyPassword } from './passwords';

/** Failures per email before a lock, per address before a lock, and how long a lock lasts. */
export const throttle = {
	perEmail: 5,
	perAddress: 30,
	windowMs: 15 * 60 * 1000,
	lockMs: 15 * 60 * 1000
};

export type LoginResult =
	| { ok: true; memberId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAfterSeconds: number };

const keys = (email: string, address: string) => [`email:${email}`, `ip:${address}`] as const;

async function lockedFor(email: string, address: string): Promise<number> {
	const now = Date.now();
	const attempts = await LoginAttempt.find({ _id: trusted({ $in: keys(email, address) }) }).lean();
	const until = Math.max(0, ...attempts.map((a) => (a.lockedUntil ? a.lockedUntil.getTime() : 0)));
	return until > now ? Math.ceil((until - now) / 1000) : 0;
}

async function recordFailure(email: string, address: string): Promise<number> {
	const now = Date.now();
	const [emailKey, addressKey] = keys(email, address);
	let emailFailures = 0;
	for (const [key, limit] of [
		[emailKey, throttle.perEmail],
		[addressKey, throttle.perAddress]
	] as const) {
		const doc = await LoginAttempt.findOneAndUpdate(
			{ _id: key },
			{ $inc: { failures: 1 }, $setOnInsert: { expiresAt: new Date(now + throttle.windowMs) } },
			{ upsert: true, returnDocument: 'after' }
		).lean();
		if (key === emailKey) emailFailures = doc!.failures;
		if (doc!.failures >= limit && !doc!.lockedUntil) {
			await LoginAttempt.updateOne(
				{ _id: key },
				{
					$set: {
						lockedUntil: new Date(now + throttle.lockMs),
						expiresAt: new Date(now + throttle.lockMs)
					}
				}
			);
		}
	}
	return emailFailures;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks email and password with throttling: after a few failures each answer slows down,
 * after `throttle.perEmail` the account (or after `perAddress` the address) is locked for a while.
 * Unknown emails take the same time and the same answer as a wrong password.
 */
export async function attemptLogin(
	emailInput: string,
	password: string,
	address: string
): Promise<LoginResult> {
	const email = emailInput.toLowerCase().trim();
	const throttled = config().LOGIN_THROTTLE === 'on';
	if (throttled) {
		const retryAfterSeconds = await lockedFor(email, address);
		if (retryAfterSeconds > 0) return { ok: false, reason: 'locked', retryAfterSeconds };
	}

	const member = await Member.findOne({ email }, { passwordHash: 1, deactivatedAt: 1 }).lean();
	const valid = member
		? (await verifyPassword(member.passwordHash, password)) && !member.deactivatedAt
		: await verifyAgainstDummy(password);

	if (valid && member) {
		if (throttled) await LoginAttempt.deleteOne({ _id: `email:${email}` });
		return { ok: true, memberId: member._id.toString() };
	}
	if (!throttled) return { ok: false, reason: 'invalid' };
	const failures = await recordFailure(email, address);
	if (failures >= throttle.perEmail) {
		return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil(throttle.lockMs / 1000) };
	}
	// Slow down from the third failure on: 0.5 s, 1 s, ...
	if (failures >= 3) await sleep(Math.min((failures - 2) * 500, 3000));
	return { ok: false, reason: 'invalid' };
}
