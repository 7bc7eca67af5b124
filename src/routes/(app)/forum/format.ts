/** Dates as Berlin time, in the page's language. */
export function formatDate(iso: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Berlin'
	}).format(new Date(iso));
}
