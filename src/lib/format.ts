import type { Locale } from './i18n/locales';

/** Dates and times as people in Germany read them, in Europe/Berlin whatever the server's zone. */
const timeZone = 'Europe/Berlin';
const tags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function formatDateTime(iso: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(iso));
}

export function formatDate(iso: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'long', timeZone }).format(
		new Date(iso)
	);
}

export function formatTime(iso: string | Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], { timeStyle: 'short', timeZone }).format(
		new Date(iso)
	);
}
