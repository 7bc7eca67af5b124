/** The link to the next page of a cursor-paged list: the current filter plus the cursor. */
export function nextPageHref(
	filter: Record<string, string>,
	nextCursor: string | null
): string | null {
	if (!nextCursor) return null;
	const params = new URLSearchParams([
		...Object.entries(filter).filter(([, v]) => v !== ''),
		['cursor', nextCursor]
	]);
	return `?${params}`;
}
