/** A short plain-text excerpt of a message's Markdown for announcements and reply previews. */
export function excerpt(body: string, max = 120): string {
	const text = body
		.replace(/[*_`>#~[\]()]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
