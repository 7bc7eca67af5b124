import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache';

const on = () => true;
const counting = () => {
	const calls = { n: 0 };
	return { calls, load: (value: string) => async () => (calls.n++, value) };
};

describe('ReadCache', () => {
	it('serves a second read from memory and counts hits and misses', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 10_000, ttlMs: 60_000 }, on);
		const { calls, load } = counting();
		expect(await cache.get('a', load('eins'))).toBe('eins');
		expect(await cache.get('a', load('zwei'))).toBe('eins');
		expect(calls.n).toBe(1);
		expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1, hitRate: 0.5 });
	});

	it('stays within its byte bound, dropping the least recently used entries', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 1_000, ttlMs: 60_000 }, on);
		for (let i = 0; i < 20; i++) await cache.get(`k${i}`, async () => 'x'.repeat(100));
		const { bytes, entries } = cache.stats();
		expect(bytes).toBeLessThanOrEqual(1_000);
		expect(entries).toBeLessThan(20);
		expect(entries).toBeGreaterThan(0);
		// The newest survives, the oldest is gone.
		const { calls, load } = counting();
		await cache.get('k19', load('neu'));
		expect(calls.n).toBe(0);
		expect(await cache.get('k0', load('neu'))).toBe('neu');
	});

	it('never keeps a value larger than the whole cache', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 100, ttlMs: 60_000 }, on);
		await cache.get('big', async () => 'x'.repeat(500));
		expect(cache.stats().entries).toBe(0);
	});

	it('drops entries by key and by tag, and only those', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 10_000, ttlMs: 60_000 }, on);
		await cache.get(
			't1:0',
			async () => 'a',
			() => ['thread:1']
		);
		await cache.get(
			't1:20',
			async () => 'b',
			() => ['thread:1']
		);
		await cache.get(
			't2:0',
			async () => 'c',
			() => ['thread:2']
		);
		await cache.get('other', async () => 'd');
		cache.deleteTagged(['thread:1']);
		expect(cache.stats().entries).toBe(2);
		expect(await cache.get('t1:0', async () => 'neu')).toBe('neu');
		expect(await cache.get('t2:0', async () => 'neu')).toBe('c');
		cache.delete(['other']);
		expect(await cache.get('other', async () => 'neu')).toBe('neu');
	});

	it('keeps the result of a load that an invalidation overtook out of the cache', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 10_000, ttlMs: 60_000 }, on);
		let finish!: (v: string) => void;
		const slow = cache.get(
			'k',
			() => new Promise<string>((resolve) => (finish = resolve)),
			() => ['x']
		);
		cache.deleteTagged(['x']);
		finish('alt');
		expect(await slow).toBe('alt');
		expect(await cache.get('k', async () => 'neu')).toBe('neu');
	});

	it('shares one load between concurrent misses and caches no absence', async () => {
		const cache = new ReadCache<string | null>('t', { maxSize: 10_000, ttlMs: 60_000 }, on);
		const { calls, load } = counting();
		await Promise.all([cache.get('k', load('v')), cache.get('k', load('v'))]);
		expect(calls.n).toBe(1);
		expect(await cache.get('none', async () => null)).toBeNull();
		expect(await cache.get('none', async () => 'da')).toBe('da');
	});

	it('is a pass-through when switched off', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 10_000, ttlMs: 60_000 }, () => false);
		const { calls, load } = counting();
		await cache.get('k', load('a'));
		expect(await cache.get('k', load('b'))).toBe('b');
		expect(calls.n).toBe(2);
		expect(cache.stats()).toMatchObject({ entries: 0, hits: 0, misses: 2 });
	});

	it('lets an entry expire after its time to live', async () => {
		const cache = new ReadCache<string>('t', { maxSize: 10_000, ttlMs: 30 }, on);
		await cache.get('k', async () => 'alt');
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(await cache.get('k', async () => 'neu')).toBe('neu');
	});
});
