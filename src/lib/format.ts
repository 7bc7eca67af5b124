import type { Locale } from './i18n/locales';

/** Dates and times as people in Germany read them: always in Europe/Berlin, whatever the server's zone. */
const timeZone = 'Europe/Berlin';

/** A date (and optionally the time); '–' for none. */
export function formatDate(iso: string | Date | null, locale: Locale, withTime = false): string {
	if (!iso) return '–';
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		...(withTime ? { timeStyle: 'short' } : {}),
		timeZone
	}).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, locale: Locale): string {
	return formatDate(iso, locale, true);
}

export function formatTime(iso: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso));
}
