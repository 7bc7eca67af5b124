import { describe, expect, it } from 'vitest';
import {
	dayKey,
	formatDate,
	formatDateTime,
	formatDay,
	formatMonth,
	formatRelative,
	formatTime
} from './datetime';

// 14:05 in Berlin (winter time, UTC+1); 23:30 UTC is already the next day in Berlin.
const afternoon = '2026-11-24T13:05:00.000Z';
const lateEvening = '2026-11-24T23:30:00.000Z';

describe('absolute dates and times', () => {
	it('reads the same in German and British English, in Berlin time', () => {
		expect(formatDate(afternoon, 'de')).toBe('24.11.2026');
		expect(formatDate(afternoon, 'en')).toBe('24 Nov 2026');
		expect(formatDateTime(afternoon, 'de')).toBe('24.11.2026, 14:05');
		expect(formatDateTime(afternoon, 'en')).toBe('24 Nov 2026, 14:05');
		expect(formatTime(afternoon, 'de')).toBe('14:05');
		expect(formatTime(afternoon, 'en')).toBe('14:05');
		expect(formatDay(afternoon, 'de')).toBe('Dienstag, 24. November 2026');
		expect(formatDay(afternoon, 'en')).toBe('Tuesday, 24 November 2026');
		expect(formatMonth(afternoon, 'de')).toBe('November 2026');
		expect(formatMonth(afternoon, 'en')).toBe('November 2026');
	});

	it('takes dates, timestamps and ISO strings; no date is a dash', () => {
		const date = new Date(afternoon);
		expect(formatDateTime(date, 'de')).toBe(formatDateTime(date.getTime(), 'de'));
		expect(formatDate(null, 'de')).toBe('–');
		expect(formatDateTime(null, 'en')).toBe('–');
	});

	it('groups by the calendar day in Berlin', () => {
		expect(dayKey(afternoon)).toBe('2026-11-24');
		expect(dayKey(lateEvening)).toBe('2026-11-25');
		expect(formatTime(lateEvening, 'de')).toBe('00:30');
	});
});

describe('relative times', () => {
	const now = new Date(afternoon).getTime();
	const ago = (seconds: number) => now - seconds * 1000;

	it.each([
		[5 * 60, 'vor 5 Minuten', '5 minutes ago'],
		[30, 'vor 30 Sekunden', '30 seconds ago'],
		[3 * 3600, 'vor 3 Stunden', '3 hours ago'],
		[24 * 3600, 'gestern', 'yesterday'],
		[3 * 24 * 3600, 'vor 3 Tagen', '3 days ago'],
		[14 * 24 * 3600, 'vor 2 Wochen', '2 weeks ago'],
		[400 * 24 * 3600, 'letztes Jahr', 'last year'],
		[-2 * 24 * 3600, 'übermorgen', 'in 2 days']
	])('%i seconds ago reads "%s" / "%s"', (seconds, de, en) => {
		expect(formatRelative(ago(seconds), 'de', now)).toBe(de);
		expect(formatRelative(ago(seconds), 'en', now)).toBe(en);
	});

	it('moves to the next unit when rounding reaches it', () => {
		expect(formatRelative(ago(59.6), 'en', now)).toBe('1 minute ago');
		expect(formatRelative(now, 'de', now)).toBe('jetzt');
	});
});
