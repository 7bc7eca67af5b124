import type { Locale } from '$lib/i18n';

const zone = 'Europe/Berlin';
const tag = (locale: Locale) => (locale === 'de' ? 'de-DE' : 'en-GB');

/** The calendar day in Berlin, for day separators (e.g. "2026-11-24"). */
export function dayKey(iso: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso));
}

export function formatDay(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(tag(locale), {
		timeZone: zone,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date(iso));
}

export function formatTime(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(tag(locale), {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit'
	}).format(new Date(iso));
}

/** A short plain-text excerpt of a message's Markdown for announcements and reply previews. */
export function excerpt(body: string, max = 120): string {
	const text = body
		.replace(/[*_`>#~[\]()]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
