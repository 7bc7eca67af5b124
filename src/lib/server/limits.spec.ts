import { afterEach, describe, expect, it, vi } from 'vitest';
import * as limits from './limits';

const subject = () => `test-${Math.random().toString(36).slice(2)}`;

describe('named rate limits (memory store)', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('allows the points of a window, refuses beyond, and starts again with the next window', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const who = subject();
		const { points, duration } = limits.limitRules.chatSend;
		const answers = [];
		for (let i = 0; i <= points; i++) answers.push(await limits.take('chatSend', who));
		expect(answers).toEqual([...Array(points).fill(true), false]);
		expect(await limits.take('chatSend', subject())).toBe(true); // others are not affected
		vi.advanceTimersByTime(duration * 1000 + 1);
		expect(await limits.take('chatSend', who)).toBe(true);
	});

	it('tells when a counter reached its limit, how long it lasts, and forgets it on clear', async () => {
		const who = subject();
		const { points } = limits.limitRules.loginPair;
		let last: limits.Counted | undefined;
		for (let i = 0; i < points; i++) last = await limits.count('loginPair', who);
		expect(last).toMatchObject({ allowed: true, reached: true });
		const state = await limits.state('loginPair', who);
		expect(state.reached).toBe(true);
		expect(state.retryAfterMs).toBeGreaterThan(0);
		expect(state.retryAfterMs).toBeLessThanOrEqual(limits.limitRules.loginPair.duration * 1000);
		await limits.clear('loginPair', who);
		expect((await limits.state('loginPair', who)).reached).toBe(false);
	});

	it('marks the first count of a window', async () => {
		const who = subject();
		expect((await limits.count('loginAccountAddressSeen', who)).first).toBe(true);
		expect((await limits.count('loginAccountAddressSeen', who)).first).toBe(false);
	});
});
