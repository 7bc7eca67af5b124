import { describe, expect, it } from 'vitest';
import { quoteMarkdown, quotedLines } from './quote';

const source = [
	'Wir haben drei Schritte:',
	'',
	'- **Bestandsaufnahme** der Daten',
	'- Beteiligung der [Fachämter](https://example.org)',
	'- Veröffentlichung',
	'',
	'Danach geht es weiter.'
].join('\n');

describe('quotedLines', () => {
	it('takes the whole source without a selection', () => {
		expect(quotedLines(source, '  ')).toEqual(source.split('\n'));
	});

	it('keeps a list when the selection spans list items (as the browser copies them)', () => {
		expect(quotedLines(source, 'Bestandsaufnahme der Daten\nBeteiligung der Fachämter')).toEqual([
			'- **Bestandsaufnahme** der Daten',
			'- Beteiligung der [Fachämter](https://example.org)'
		]);
	});

	it('takes only the selected words inside one line', () => {
		expect(quotedLines(source, 'drei Schritte')).toEqual(['drei Schritte']);
	});

	it('takes a whole line with its Markdown when all of it is selected', () => {
		expect(quotedLines(source, 'Veröffentlichung')).toEqual(['- Veröffentlichung']);
	});

	it('quotes a selection it cannot find as selected', () => {
		expect(quotedLines(source, 'anderswo\nzweite Zeile')).toEqual(['anderswo', 'zweite Zeile']);
	});
});

describe('quoteMarkdown', () => {
	it('links back to the post and puts every line behind "> "', () => {
		const markdown = quoteMarkdown({
			source: '- eins\n\n- zwei',
			heading: 'Anna [A] in Beitrag #3',
			link: '/forum/t/abc?from=1#post-3'
		});
		expect(markdown).toBe(
			'> [Anna \\[A\\] in Beitrag #3](/forum/t/abc?from=1#post-3):\n>\n> - eins\n>\n> - zwei\n\n'
		);
	});
});
