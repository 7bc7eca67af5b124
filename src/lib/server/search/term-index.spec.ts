import { describe, expect, it } from 'vitest';
import { TermIndex, type Entry } from './term-index';

const entry = (n: number, scope = 'a'): Entry => ({
	id: n.toString(16).padStart(24, '0'),
	scope,
	parent: null,
	authorId: 'x',
	createdAt: n
});
const ids = (page: { entries: Entry[] }) => page.entries.map((e) => e.createdAt);
const all = () => true;

describe('term index', () => {
	const index = new TermIndex();
	index.put(entry(1), ['datenplattform', 'stadt']);
	index.put(entry(2), ['forderantrag', 'stadt']);
	index.put(entry(3), ['fordermittel', 'datenplattform', 'stadt']);
	index.put(entry(4, 'b'), ['fordermittel', 'stadt']);

	it('answers every exact term and the prefix of the last, newest first', () => {
		expect(
			ids(index.search({ exact: ['stadt'], prefix: null }, { limit: 10, allowed: all }))
		).toEqual([4, 3, 2, 1]);
		expect(
			ids(index.search({ exact: ['stadt'], prefix: 'forder' }, { limit: 10, allowed: all }))
		).toEqual([4, 3, 2]);
		expect(
			ids(index.search({ exact: ['datenplattform'], prefix: 'ford' }, { limit: 10, allowed: all }))
		).toEqual([3]);
		expect(
			ids(index.search({ exact: ['unbekannt'], prefix: 'ford' }, { limit: 10, allowed: all }))
		).toEqual([]);
	});

	it('pages by cursor and skips what the filter refuses without counting it', () => {
		const allowed = (e: Entry) => e.scope === 'a';
		const first = index.search({ exact: ['stadt'], prefix: null }, { limit: 2, allowed });
		expect(ids(first)).toEqual([3, 2]);
		const second = index.search(
			{ exact: ['stadt'], prefix: null },
			{ limit: 2, allowed, before: first.nextCursor }
		);
		expect(ids(second)).toEqual([1]);
		expect(second.nextCursor).toBeNull();
	});

	it('replaces the terms of an edited entry in place and forgets a removed one', () => {
		const edited = new TermIndex();
		edited.put(entry(1), ['alt']);
		edited.put(entry(2), ['alt']);
		edited.put(entry(1), ['neu']);
		expect(
			ids(edited.search({ exact: ['alt'], prefix: null }, { limit: 5, allowed: all }))
		).toEqual([2]);
		expect(ids(edited.search({ exact: [], prefix: 'ne' }, { limit: 5, allowed: all }))).toEqual([
			1
		]);
		edited.remove(entry(1).id);
		expect(ids(edited.search({ exact: [], prefix: 'ne' }, { limit: 5, allowed: all }))).toEqual([]);
		expect(edited.size).toBe(1);
	});
});
