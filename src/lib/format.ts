import type { Locale } from './i18n/locales';

/** A date (and optionally the time) as people in Germany read it: always in Europe/Berlin. */
export function formatDate(iso: string | null, locale: Locale, withTime = false): string {
	if (!iso) return '–';
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		...(withTime ? { timeStyle: 'short' } : {}),
		timeZone: 'Europe/Berlin'
	}).format(new Date(iso));
}
