import { Member } from '../db/models';
import * as limits from '../limits';
import { verifyAgainstDummy, verifyPassword } from './passwords';

export type LoginResult =
	| { ok: true; memberId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Failed logins are counted per (account, address) pair and per address (limits.ts). The
 * account itself locks only when failures come from many addresses at once; even then its
 * owner gets in with a sign-in link by mail (sign-in-link.ts), so guessing someone's password
 * never locks them out. Unknown emails are counted the same way (nothing reveals which exist).
 */
const pairOf = (email: string, address: string) => `${email}|${address}`;

/** Seconds until the lock that applies to this account from this address ends (0: none). */
async function lockedFor(email: string, address: string): Promise<number> {
	const [pair, fromAddress, accountFailures, accountAddresses] = await Promise.all([
		limits.state('loginPair', pairOf(email, address)),
		limits.state('loginAddress', address),
		limits.state('loginAccountFailures', email),
		limits.state('loginAccountAddresses', email)
	]);
	const waits = [pair, fromAddress].filter((s) => s.reached).map((s) => s.retryAfterMs);
	if (accountFailures.reached && accountAddresses.reached)
		waits.push(Math.min(accountFailures.retryAfterMs, accountAddresses.retryAfterMs));
	return Math.ceil(Math.max(0, ...waits) / 1000);
}

/** Counts a failure everywhere it belongs; answers how many this pair has had in its window. */
async function recordFailure(email: string, address: string): Promise<number> {
	const pair = pairOf(email, address);
	const [pairFailures] = await Promise.all([
		limits.count('loginPair', pair),
		limits.count('loginAddress', address),
		limits.count('loginAccountFailures', email)
	]);
	// Each address counts once per window towards "failures from many addresses".
	if ((await limits.count('loginAccountAddressSeen', pair)).first)
		await limits.count('loginAccountAddresses', email);
	return pairFailures.consumed;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks email and password with throttling: after a few failures each answer slows down,
 * then the lock applies (see above). A lock ends by itself when its window ends. Unknown
 * emails take the same time and get the same answers as a wrong password.
 */
export async function attemptLogin(
	emailInput: string,
	password: string,
	address: string
): Promise<LoginResult> {
	const email = emailInput.toLowerCase().trim();
	const locked = await lockedFor(email, address);
	if (locked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: locked };

	const member = await Member.findOne({ email }, { passwordHash: 1, deactivatedAt: 1 }).lean();
	const valid = member
		? (await verifyPassword(member.passwordHash, password)) && !member.deactivatedAt
		: await verifyAgainstDummy(password);

	if (valid && member) {
		await limits.clear('loginPair', pairOf(email, address));
		return { ok: true, memberId: member._id.toString() };
	}
	const failures = await recordFailure(email, address);
	const nowLocked = await lockedFor(email, address);
	if (nowLocked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: nowLocked };
	// Slow down from the third failure on: 0.5 s, 1 s, ...
	if (failures >= 3) await sleep(Math.min((failures - 2) * 500, 3000));
	return { ok: false, reason: 'invalid' };
}
