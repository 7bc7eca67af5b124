import { isObjectId } from './ids';

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

/** The `cursor` of an id-paged list from the URL; anything but an id starts at the first page. */
export function cursorParam(url: URL): string | null {
	const cursor = url.searchParams.get('cursor');
	return isObjectId(cursor) ? cursor : null;
}
