import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './time-zone';

describe('wall-clock times in Europe/Berlin', () => {
	it.each([
		['2022-09-29', '10:00', '2022-09-29T08:00:00.000Z'], // summer time, +2 h
		['2022-10-31', '10:00', '2022-10-31T09:00:00.000Z'], // after the change to winter time, +1 h
		['2022-03-27', '03:30', '2022-03-27T01:30:00.000Z'], // the first hour of summer time
		['2022-10-30', '01:59', '2022-10-29T23:59:00.000Z']
	])('%s %s is %s', (date, time, iso) => {
		const instant = zonedToInstant(date, time, 'Europe/Berlin');
		expect(instant.toISOString()).toBe(iso);
		expect(instantToZoned(instant, 'Europe/Berlin')).toEqual({ date, time });
	});
});
