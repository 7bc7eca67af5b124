import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows a burst, then refills over time, per key', () => {
		const limiter = new RateLimiter(3, 1);
		const t = 1_000_000;
		expect([1, 2, 3, 4].map(() => limiter.take('a', t))).toEqual([true, true, true, false]);
		expect(limiter.take('b', t)).toBe(true);
		expect(limiter.take('a', t + 500)).toBe(false);
		expect(limiter.take('a', t + 1000)).toBe(true);
		expect(limiter.take('a', t + 1000)).toBe(false);
	});
});
