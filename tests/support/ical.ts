import ICAL from 'ical.js';

export interface ParsedEvent {
	uid: string;
	sequence: number;
	status: string | null;
	start: Date;
	end: Date;
	/** The raw DTSTART line's TZID parameter, to check the wall-clock form. */
	startZone: string | null;
	summary: string;
	location: string | null;
	description: string;
	url: string | null;
	attendees: string[];
	organizer: string | null;
}

export interface ParsedCalendar {
	method: string | null;
	name: string | null;
	events: ParsedEvent[];
	/** TZIDs that have a VTIMEZONE block. */
	timezones: string[];
	/** Every TZID parameter on any property of any component. */
	usedZones: string[];
}

function zonesUsedIn(component: ICAL.Component): string[] {
	const own = component
		.getAllProperties()
		.map((p) => p.getParameter('tzid'))
		.filter((z): z is string => typeof z === 'string');
	return [...own, ...component.getAllSubcomponents().flatMap(zonesUsedIn)];
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Reads a calendar file back with ical.js, the way a calendar app would: times are resolved
 * through the file's own VTIMEZONE blocks only (the service starts empty for each file).
 */
export function parseCalendar(body: string): ParsedCalendar {
	const calendar = new ICAL.Component(ICAL.parse(body));
	ICAL.TimezoneService.reset();
	const vtimezones = calendar.getAllSubcomponents('vtimezone');
	for (const vtimezone of vtimezones) ICAL.TimezoneService.register(vtimezone);
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			sequence: event.sequence,
			status: text(vevent.getFirstPropertyValue('status')),
			start: event.startDate.toJSDate(),
			end: event.endDate.toJSDate(),
			startZone: text(vevent.getFirstProperty('dtstart')?.getParameter('tzid')),
			summary: event.summary,
			location: text(event.location),
			description: event.description ?? '',
			url: text(vevent.getFirstPropertyValue('url')),
			attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
			organizer: text(vevent.getFirstPropertyValue('organizer'))
		};
	});
	return {
		method: text(calendar.getFirstPropertyValue('method')),
		name: text(
			calendar.getFirstPropertyValue('name') ?? calendar.getFirstPropertyValue('x-wr-calname')
		),
		events,
		timezones: vtimezones.map((z) => String(z.getFirstPropertyValue('tzid'))),
		usedZones: [...new Set(zonesUsedIn(calendar))]
	};
}
