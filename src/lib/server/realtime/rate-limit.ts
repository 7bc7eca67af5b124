/**
 * A token bucket per key, in memory: enough for per-socket and per-address limits on one
 * instance. Keys that are idle for a while are dropped so memory stays bounded.
 */
export class RateLimiter {
	private buckets = new Map<string, { tokens: number; at: number }>();
	private lastSweep = Date.now();

	constructor(
		private readonly capacity: number,
		private readonly refillPerSecond: number
	) {}

	/** Takes one token; false when the key is over its limit. */
	take(key: string, now = Date.now()): boolean {
		this.sweep(now);
		const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
		bucket.tokens = Math.min(
			this.capacity,
			bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond
		);
		bucket.at = now;
		const allowed = bucket.tokens >= 1;
		if (allowed) bucket.tokens -= 1;
		this.buckets.set(key, bucket);
		return allowed;
	}

	private sweep(now: number) {
		if (now - this.lastSweep < 60_000) return;
		this.lastSweep = now;
		const idleMs = (this.capacity / this.refillPerSecond) * 1000;
		for (const [key, bucket] of this.buckets)
			if (now - bucket.at > idleMs) this.buckets.delete(key);
	}
}
