import { foldText } from '../text';

/**
 * Search terms for the embedded database, which has no $text: fold case, umlauts and accents,
 * split on non-letters, drop German (and a few English) stop words, strip common German
 * suffixes. Documents store their terms in a multikey-indexed array; queries use the same
 * function, so "Förderanträge" finds "Förderantrag" and "foerderantraege".
 */
const stopWords = new Set(
	(
		'aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus bei bin bis bist da damit dann das dass dein deine dem den der des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure fuer hat hatte hier hin hinter ich ihm ihn ihnen ihr ihre im in ist ja jede jedem jeden jeder jedes jetzt kann kein keine koennen man mehr mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sondern sowie um und uns unser unter viel vom von vor war waren was weil welche wenn wer werden wie wieder will wir wird wo wurde zu zum zur zwischen ' +
		'the and for are but not you with this that from have was were been they their what'
	).split(/\s+/)
);

// Longest first, so "ungen" is stripped before "en".
const suffixes = [
	'ungen',
	'heiten',
	'keiten',
	'ung',
	'heit',
	'keit',
	'en',
	'er',
	'es',
	'e',
	'n',
	's'
];

/**
 * Strips one common suffix, then drops the umlaut marks left by folding (ae -> a), so the
 * umlaut plural finds the singular: "Anträge" and "Antrag" both become "antrag".
 */
export function stem(word: string): string {
	let base = word;
	for (const suffix of suffixes) {
		if (word.length - suffix.length >= 4 && word.endsWith(suffix)) {
			base = word.slice(0, -suffix.length);
			break;
		}
	}
	return base.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/** Folded words of a text, without stop words (unstemmed: for highlighting). */
export function words(text: string): string[] {
	return foldText(text)
		.split(/[^a-z0-9]+/)
		.filter((w) => w.length >= 2 && w.length <= 40 && !stopWords.has(w));
}

/** The distinct stemmed terms of a text, at most `max` (long posts keep their first terms). */
export function termsOf(text: string, max = 400): string[] {
	const terms = new Set<string>();
	for (const w of words(text)) {
		terms.add(stem(w));
		if (terms.size >= max) break;
	}
	return [...terms];
}

/**
 * A query: every complete word must match a term exactly; the last word, while still being
 * typed, matches by prefix (unstemmed, so "Förd" finds "foerdermittel").
 */
export function parseQuery(query: string): { exact: string[]; prefix: string | null } {
	const list = words(query).slice(0, 8);
	if (list.length === 0) return { exact: [], prefix: null };
	const endsWithSpace = /\s$/.test(query);
	if (endsWithSpace) return { exact: [...new Set(list.map(stem))], prefix: null };
	const last = list.pop()!;
	return { exact: [...new Set(list.map(stem))], prefix: stem(last) };
}
