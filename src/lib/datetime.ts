import type { Locale } from './i18n/locales';

/**
 * Every date and time the app shows, in German or English. Always Berlin time, whatever the
 * zone of the server or browser, so the page rendered on the server and the hydrated one agree.
 * English is British English (day before month, 24-hour clock), like the German format.
 */
const timeZone = 'Europe/Berlin';
/** The regional formats the app writes in (also for numbers, see file-size.ts). */
export const languageTags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

type DateInput = string | number | Date;

const styles = {
	date: { dateStyle: 'medium' },
	dateTime: { dateStyle: 'medium', timeStyle: 'short' },
	time: { timeStyle: 'short' },
	day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
	month: { month: 'long', year: 'numeric' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof styles;

// Building a formatter is far slower than using one; a chat page formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(style: Style, value: DateInput, locale: Locale): string {
	const key = `${locale}:${style}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(languageTags[locale], { ...styles[style], timeZone });
		formatters.set(key, formatter);
	}
	return formatter.format(new Date(value));
}

/** "24.11.2026" / "24 Nov 2026"; '–' for no date. */
export function formatDate(value: DateInput | null, locale: Locale): string {
	return value === null ? '–' : format('date', value, locale);
}

/** "24.11.2026, 14:05" / "24 Nov 2026, 14:05"; '–' for no date. */
export function formatDateTime(value: DateInput | null, locale: Locale): string {
	return value === null ? '–' : format('dateTime', value, locale);
}

/** "14:05". */
export function formatTime(value: DateInput, locale: Locale): string {
	return format('time', value, locale);
}

/** "Dienstag, 24. November 2026" / "Tuesday, 24 November 2026", for day separators. */
export function formatDay(value: DateInput, locale: Locale): string {
	return format('day', value, locale);
}

/** "November 2026". */
export function formatMonth(value: DateInput, locale: Locale): string {
	return format('month', value, locale);
}

const dayKeyFormatter = new Intl.DateTimeFormat('en-CA', { timeZone });
/** The calendar day in Berlin ("2026-11-24"), to group by day. */
export function dayKey(value: DateInput): string {
	return dayKeyFormatter.format(new Date(value));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
	['second', 60],
	['minute', 60],
	['hour', 24],
	['day', 7],
	['week', 4.35],
	['month', 12],
	['year', Infinity]
];
const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * "vor 5 Minuten" / "5 minutes ago", "gestern" / "yesterday", "in 2 Tagen" / "in 2 days":
 * the largest unit that fits. `now` is a parameter so the server and tests can fix it.
 */
export function formatRelative(
	value: DateInput,
	locale: Locale,
	now: DateInput = Date.now()
): string {
	let amount = (new Date(value).getTime() - new Date(now).getTime()) / 1000;
	let formatter = relativeFormatters.get(locale);
	if (!formatter) {
		formatter = new Intl.RelativeTimeFormat(languageTags[locale], { numeric: 'auto' });
		relativeFormatters.set(locale, formatter);
	}
	let unit: Intl.RelativeTimeFormatUnit = 'second';
	for (const [next, size] of units) {
		unit = next;
		if (Math.abs(Math.round(amount)) < size) break;
		amount /= size;
	}
	return formatter.format(Math.round(amount), unit);
}
