/**
 * Wall-clock times in a time zone (workshops happen in Europe/Berlin) to and from instants,
 * with the zone rules of the platform's Intl data: no library, correct across the change to
 * and from summer time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, instant: number) {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(
		format.formatToParts(instant).map((p) => [p.type, Number(p.value)])
	) as Record<string, number>;
	return parts as {
		year: number;
		month: number;
		day: number;
		hour: number;
		minute: number;
		second: number;
	};
}

/** The zone's offset from UTC at that instant, in milliseconds (Berlin: +1 h or +2 h). */
function offsetAt(timeZone: string, instant: number): number {
	const p = partsIn(timeZone, instant);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/** "2022-09-29" and "10:00" in Europe/Berlin -> 2022-09-29T08:00:00Z. */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
	const wall = Date.parse(`${date}T${time}:00Z`);
	let instant = wall - offsetAt(timeZone, wall);
	// Near a change of offset the first guess may sit on the other side of it.
	const corrected = wall - offsetAt(timeZone, instant);
	if (corrected !== instant) instant = corrected;
	return new Date(instant);
}

/** The wall-clock date ("2022-09-29") and time ("10:00") of an instant in the zone. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
	const p = partsIn(timeZone, instant.getTime());
	const two = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${p.year}-${two(p.month)}-${two(p.day)}`,
		time: `${two(p.hour)}:${two(p.minute)}`
	};
}
