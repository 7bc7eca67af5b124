import { describe, expect, it } from 'vitest';
import { highlight } from '../search/highlight';
import { parseQuery, stem, termsOf } from './terms';

describe('search terms', () => {
	it('folds case and umlauts, drops stop words and strips common suffixes', () => {
		expect(termsOf('Die Förderanträge und der Förderantrag für Städte')).toEqual([
			'forderantrag',
			'stadt'
		]);
		expect(stem('digitalisierungen')).toBe('digitalisier');
		expect(stem('amt')).toBe('amt');
	});

	it('matches complete words exactly and the unfinished last word by prefix', () => {
		expect(parseQuery('Urbane Datenpl')).toEqual({ exact: ['urban'], prefix: 'datenpl' });
		expect(parseQuery('Urbane Daten ')).toEqual({ exact: ['urban', 'date'], prefix: null });
		expect(parseQuery('und oder')).toEqual({ exact: [], prefix: null });
	});

	it('highlights hits as plain segments around the first match', () => {
		const segments = highlight('Wir beantragen Fördermittel beim Land.', ['fordermittel']);
		expect(segments).toEqual([
			{ text: 'Wir beantragen ', hit: false },
			{ text: 'Fördermittel', hit: true },
			{ text: ' beim Land.', hit: false }
		]);
		const long = highlight(
			`${'Einleitung '.repeat(60)}Sensorik am Ende ${'Schluss '.repeat(30)}`,
			['sensorik'],
			80
		);
		expect(long[0]!.text).toMatch(/^…Einleitung /);
		expect(long.at(-1)!.text).toMatch(/…$/);
		expect(long.some((s) => s.hit && s.text === 'Sensorik')).toBe(true);
	});
});
