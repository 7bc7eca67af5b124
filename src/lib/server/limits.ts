import {
	RateLimiterMemory,
	RateLimiterRedis,
	RateLimiterRes,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { config } from './config';
import { errorFields, log } from './log';
import { sharedRedis } from './redis';

/**
 * Every rate limit of the app, by name: at most `points` per `duration` seconds for one key
 * (fixed windows). A few can be lifted by a setting for load tests (`switch`).
 * Counted in memory on one instance, in Redis with REDIS_URL so that every instance counts
 * alike; while Redis is away each instance counts alone.
 */
export const limitRules = {
	/** New socket connections per address: reconnect storms pass, floods do not. */
	socketConnect: { points: 60, duration: 10, switch: 'SOCKET_CONNECT_LIMIT' },
	/** Chat messages per member across tabs and instances. */
	chatSend: { points: 10, duration: 10, switch: 'CHAT_RATE_LIMIT' },
	/** Edits, deletions and reactions per member. */
	chatChange: { points: 20, duration: 10, switch: 'CHAT_RATE_LIMIT' },
	/** Reads over the socket per member (history, read markers, joins): cheaper, so more. */
	socketRead: { points: 100, duration: 10, switch: 'CHAT_RATE_LIMIT' },
	/** Typing signals per member: ephemeral, dropped silently when over. */
	typing: { points: 20, duration: 10, switch: 'CHAT_RATE_LIMIT' },
	/** Forum posts and threads per member. */
	forumWrite: { points: 10, duration: 60 },
	/** Pictures uploaded into forum posts per member (about one every 30 seconds). */
	forumImage: { points: 20, duration: 10 * 60 },
	/** Markdown previews (forum and chat composer) per member. */
	markdownPreview: { points: 30, duration: 15 },
	/** Failed logins for one account from one address (the usual typo and guess protection). */
	loginPair: { points: 5, duration: 15 * 60, switch: 'LOGIN_THROTTLE' },
	/** Failed logins from one address, whatever the account. */
	loginAddress: { points: 30, duration: 15 * 60, switch: 'LOGIN_THROTTLE' },
	/** Failed logins for one account from anywhere; locks the account only together with the next. */
	loginAccountFailures: { points: 30, duration: 60 * 60, switch: 'LOGIN_THROTTLE' },
	/** Different addresses that failed for one account (each counted once per window). */
	loginAccountAddresses: { points: 10, duration: 60 * 60, switch: 'LOGIN_THROTTLE' },
	/** Marks an (account, address) pair as counted in loginAccountAddresses. */
	loginAccountAddressSeen: { points: 1, duration: 60 * 60, switch: 'LOGIN_THROTTLE' },
	/** Sign-in link requests per address (per account: one mail every two minutes). */
	signInLinkAddress: { points: 10, duration: 15 * 60 },
	/** Accessibility feedback mails per address: enough for a real report, not for a flood. */
	accessibilityFeedback: { points: 5, duration: 60 * 60 }
} satisfies Record<string, LimitRule>;

interface LimitRule {
	points: number;
	duration: number;
	/** The setting that lifts this limit for load tests and benchmarks (`off`). */
	switch?: 'SOCKET_CONNECT_LIMIT' | 'CHAT_RATE_LIMIT' | 'LOGIN_THROTTLE';
}

export type LimitName = keyof typeof limitRules;

const key = Symbol.for('netzwerk.limits');
// One set of counters per process, also when the app's modules are loaded more than once.
const limiters = ((globalThis as Record<symbol, unknown>)[key] ??= new Map()) as Map<
	LimitName,
	RateLimiterAbstract
>;

function limiter(name: LimitName): RateLimiterAbstract {
	let found = limiters.get(name);
	if (found) return found;
	const { points, duration } = limitRules[name] as LimitRule;
	const rule = { keyPrefix: `netzwerk:limit:${name}`, points, duration };
	const redis = sharedRedis();
	found = redis
		? new RateLimiterRedis({
				...rule,
				storeClient: redis,
				useRedisPackage: true,
				// Not connected: count in this process instead of waiting for Redis.
				rejectIfRedisNotReady: true,
				insuranceLimiter: new RateLimiterMemory(rule)
			})
		: new RateLimiterMemory(rule);
	limiters.set(name, found);
	return found;
}

export interface LimitState {
	/** Points counted in the current window. */
	consumed: number;
	/** True once the counter is at its limit: the next one would be refused. */
	reached: boolean;
	/** Milliseconds until the window ends and the counter starts again. */
	retryAfterMs: number;
}

export interface Counted extends LimitState {
	/** False when this one went over the limit: refuse it. */
	allowed: boolean;
	/** True for the first count of the window. */
	first: boolean;
}

function lifted(name: LimitName): boolean {
	const setting = (limitRules[name] as LimitRule).switch;
	return setting !== undefined && config()[setting] === 'off';
}

const stateOf = (name: LimitName, res: RateLimiterRes | null): LimitState => ({
	consumed: res?.consumedPoints ?? 0,
	reached: (res?.consumedPoints ?? 0) >= limitRules[name].points,
	retryAfterMs: Math.max(0, res?.msBeforeNext ?? 0)
});

/** Counts `cost` points for `subject` and tells where the counter stands. */
export async function count(name: LimitName, subject: string, cost = 1): Promise<Counted> {
	if (lifted(name)) return { ...stateOf(name, null), allowed: true, first: false };
	try {
		const res = await limiter(name).consume(subject, cost);
		return { ...stateOf(name, res), allowed: true, first: res.isFirstInDuration };
	} catch (err) {
		if (err instanceof RateLimiterRes)
			return { ...stateOf(name, err), allowed: false, first: false };
		// A failing store must not lock everyone out; the insurance limiter normally catches this.
		log.warn('Rate limit could not be counted', { limit: name, ...errorFields(err) });
		return { ...stateOf(name, null), allowed: true, first: false };
	}
}

/** Counts `cost` points; false when that went over the limit. */
export async function take(name: LimitName, subject: string, cost = 1): Promise<boolean> {
	return (await count(name, subject, cost)).allowed;
}

/** Reads a counter without counting. */
export async function state(name: LimitName, subject: string): Promise<LimitState> {
	if (lifted(name)) return stateOf(name, null);
	return stateOf(
		name,
		await limiter(name)
			.get(subject)
			.catch(() => null)
	);
}

/** Forgets a counter (a successful login clears its failures). */
export async function clear(name: LimitName, subject: string): Promise<void> {
	await limiter(name)
		.delete(subject)
		.catch(() => undefined);
}
