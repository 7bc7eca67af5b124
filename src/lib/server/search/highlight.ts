import { foldText } from '../text';
import { stem } from '../forum/terms';

export interface Segment {
	text: string;
	hit: boolean;
}

function matches(word: string, needles: string[]): boolean {
	const folded = foldText(word);
	const stemmed = stem(folded);
	return needles.some((n) => stemmed.startsWith(n) || folded.startsWith(n));
}

/**
 * Splits text into plain and highlighted segments (rendered as <mark> by the page, never as
 * HTML), centred on the first hit and cut to about `width` characters.
 */
export function highlight(text: string, needles: string[], width = 220): Segment[] {
	const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
	const firstHit = tokens.find((t) => matches(t[0], needles));
	let start = 0;
	let end = text.length;
	if (text.length > width) {
		start = Math.max(0, (firstHit?.index ?? 0) - Math.floor(width / 3));
		end = Math.min(text.length, start + width);
		// Start and end on word boundaries, not in the middle of a word.
		if (start > 0)
			start = Math.min(firstHit?.index ?? start, text.indexOf(' ', start) + 1 || start);
		if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), (firstHit?.index ?? 0) + 1);
	}
	const segments: Segment[] = [];
	let at = start;
	const push = (s: string, hit: boolean) => {
		if (!s) return;
		const last = segments.at(-1);
		if (last && last.hit === hit) last.text += s;
		else segments.push({ text: s, hit });
	};
	if (start > 0) push('…', false);
	for (const token of tokens) {
		const i = token.index!;
		if (i < start || i + token[0].length > end) continue;
		if (!matches(token[0], needles)) continue;
		push(text.slice(at, i), false);
		push(token[0], true);
		at = i + token[0].length;
	}
	push(text.slice(at, end), false);
	if (end < text.length) push('…', false);
	return segments;
}
