/** Member handles mentioned as @handle (letters, digits, dots, hyphens), without duplicates. */
export function extractMentions(source: string): string[] {
	const withoutCode = source.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
	const handles = new Set<string>();
	for (const match of withoutCode.matchAll(/(^|[^\w@.])@([a-z0-9][a-z0-9.-]{1,40}[a-z0-9])/gi)) {
		handles.add(match[2]!.toLowerCase());
	}
	return [...handles];
}
