import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { applyOnce } from './migrations';

useTestDatabase('data_migrations');

describe('one-time changes to stored data', () => {
	it('runs a change once, and again after it failed', async () => {
		let runs = 0;
		const failing = async () => {
			runs++;
			throw new Error('disk full');
		};
		await expect(applyOnce('probe', failing)).rejects.toThrow('disk full');
		const succeeding = async () => void runs++;
		expect(await applyOnce('probe', succeeding)).toBe(true);
		expect(await applyOnce('probe', succeeding)).toBe(false);
		expect(runs).toBe(2);
	});
});
