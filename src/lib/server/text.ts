/** Lower case, umlauts and ß folded, accents stripped: for sort keys, slugs and search terms. */
export function foldText(text: string): string {
	const lower = text.toLowerCase();
	// Printable ASCII has nothing to fold: most words, searched or indexed, skip the six passes.
	if (!/[^\u0020-\u007e]/.test(lower)) return lower;
	return lower
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
}

export function slugify(text: string): string {
	return (
		foldText(text)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 80) || 'eintrag'
	);
}

/** Escapes a user string for use inside a RegExp (prefix search on indexed keys). */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
