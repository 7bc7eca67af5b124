import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendar,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import { messages, type Locale } from '$lib/i18n';
import { can, type Actor } from '../auth/permissions';
import { config } from '../config';
import type { DownloadFile } from '../http';
import { oid } from '../db/ids';
import { Member } from '../db/models';
import { markdownToPlainText } from '../markdown';
import { ok, type Result } from '../result';
import { slugify } from '../text';
import { loadWorkshopFor, rosterEntryOf, resourceOf, type WorkshopLean } from './access';
import { workshopName } from './wording';

/**
 * Calendar files (RFC 5545) for workshops: one file per workshop, the personal feed, and the
 * attachment of invitation mails. Times are written as Berlin wall-clock times with
 * `TZID=Europe/Berlin` and a VTIMEZONE block, so calendars keep 10:00 at 10:00 across the
 * change to and from summer time.
 */

export interface CalendarEntry {
	workshop: WorkshopLean;
	/** The video link goes only to those who may see it (`workshop:view-roster`). */
	showOnlineLink: boolean;
}

export interface Invitee {
	email: string;
	displayName: string;
	answer: 'yes' | 'maybe' | 'no' | null;
}

interface CalendarOptions {
	/** The app's public origin: page links and the host part of every UID. */
	origin: string;
	locale: Locale;
	/** PUBLISH for downloads and feeds; REQUEST (or CANCEL) for invitation mails. */
	method: ICalCalendarMethod;
	/** For feeds: the calendar's name and how often apps should fetch it again. */
	name?: string;
	refreshSeconds?: number;
	invitee?: Invitee;
}

/** Stable across edits, so calendars update the event instead of adding a second one. */
export const workshopUid = (workshopId: string, origin: string) =>
	`workshop-${workshopId}@${new URL(origin).hostname}`;

const pageUrl = (w: WorkshopLean, origin: string) => `${origin}/workshops/${w._id.toString()}`;

function locationOf({ workshop: w, showOnlineLink }: CalendarEntry, locale: Locale): string {
	const online = w.format === 'onsite' ? null : showOnlineLink && w.onlineUrl ? w.onlineUrl : '';
	const onlineText = online || messages(locale).workshops.formats.online;
	if (w.format === 'online') return onlineText;
	if (w.format === 'onsite') return w.address;
	return `${w.address} / ${onlineText}`;
}

function descriptionOf(entry: CalendarEntry, options: CalendarOptions): string {
	const w = entry.workshop;
	const t = messages(options.locale).workshops.calendar;
	const parts = [markdownToPlainText(w.descriptionSource ?? '')];
	if (entry.showOnlineLink && w.format !== 'onsite' && w.onlineUrl)
		parts.push(`${t.onlineLink}: ${w.onlineUrl}`);
	parts.push(`${t.pageLink}: ${pageUrl(w, options.origin)}`);
	return parts.filter(Boolean).join('\n\n');
}

const statusOf = (w: WorkshopLean) =>
	w.state === 'cancelled'
		? ICalEventStatus.CANCELLED
		: w.state === 'draft'
			? ICalEventStatus.TENTATIVE
			: ICalEventStatus.CONFIRMED;

const attendeeStatus = {
	yes: ICalAttendeeStatus.ACCEPTED,
	maybe: ICalAttendeeStatus.TENTATIVE,
	no: ICalAttendeeStatus.DECLINED
} as const;

/** One VCALENDAR with an event per workshop. */
export function buildCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
	const calendar = new ICalCalendar({
		prodId: {
			company: 'Netzwerk',
			product: 'Transfer-Workshops',
			language: options.locale.toUpperCase()
		},
		method: options.method,
		// A generator without a calendar-wide zone: every zone an event names gets its
		// VTIMEZONE block, and DTSTAMP stays in UTC.
		timezone: { name: null, generator: getVtimezoneComponent }
	});
	if (options.name) calendar.name(options.name);
	if (options.refreshSeconds) calendar.ttl(options.refreshSeconds);
	for (const entry of entries) {
		const w = entry.workshop;
		const zone = w.timeZone || 'Europe/Berlin';
		const event = calendar.createEvent({
			id: workshopUid(w._id.toString(), options.origin),
			sequence: w.sequence ?? 0,
			// TZDate reads as wall-clock time in the zone, which ical-generator writes out.
			start: new TZDate(w.startsAt.getTime(), zone),
			end: new TZDate(w.endsAt.getTime(), zone),
			timezone: zone,
			summary: workshopName(w, options.locale),
			description: descriptionOf(entry, options),
			location: locationOf(entry, options.locale) || null,
			url: pageUrl(w, options.origin),
			status: statusOf(w),
			lastModified: (w as { updatedAt?: Date }).updatedAt ?? null
		});
		if (options.invitee) {
			event.organizer(config().MAIL_FROM);
			event.createAttendee({
				email: options.invitee.email,
				name: options.invitee.displayName,
				role: ICalAttendeeRole.REQ,
				// Answers go through the signed links in the mail, not by calendar reply.
				rsvp: false,
				status: options.invitee.answer
					? attendeeStatus[options.invitee.answer]
					: ICalAttendeeStatus.NEEDSACTION
			});
		}
	}
	return calendar.toString();
}

export interface CalendarFile extends DownloadFile {
	body: string;
}

/** An .ics file as the routes hand it out. */
export function calendarFile(filename: string, body: string): CalendarFile {
	return { filename, contentType: 'text/calendar; charset=utf-8', body };
}

/** The .ics of one workshop for someone who may see it; hidden ones answer like missing ones. */
export async function workshopCalendar(
	actor: Actor,
	id: string,
	options: { origin: string; locale: Locale }
): Promise<Result<CalendarFile>> {
	const loaded = await loadWorkshopFor(actor, id, 'workshop:view');
	if (!loaded.ok) return loaded;
	const { workshop, resource } = loaded.value;
	const body = buildCalendar(
		[{ workshop, showOnlineLink: can(actor, 'workshop:view-roster', resource) }],
		{ ...options, method: ICalCalendarMethod.PUBLISH }
	);
	return ok(calendarFile(`${slugify(workshopName(workshop, options.locale))}.ics`, body));
}

/**
 * A member who is still active, with the rights they have now: calendar files are also made
 * where nobody is signed in (feeds, mails).
 */
export async function activeMember(memberId: string) {
	const member = await Member.findOne(
		{ _id: oid(memberId), deactivatedAt: null },
		{ email: 1, displayName: 1, locale: 1, roles: 1, cohortIds: 1 }
	).lean();
	if (!member) return null;
	const actor: Actor = {
		id: memberId,
		roles: member.roles,
		cohortIds: member.cohortIds.map(String)
	};
	return {
		actor,
		email: member.email,
		displayName: member.displayName,
		locale: member.locale as Locale
	};
}

/**
 * The attachment of an invitation, change or cancellation mail to one member (METHOD:REQUEST,
 * or METHOD:CANCEL once the workshop is cancelled), in the member's language. Null when the
 * member may not see the workshop (anymore).
 */
export async function invitationCalendar(
	workshop: WorkshopLean,
	memberId: string,
	origin: string
): Promise<string | null> {
	const member = await activeMember(memberId);
	if (!member) return null;
	const { actor } = member;
	const entry = await rosterEntryOf(workshop._id.toString(), memberId);
	const resource = resourceOf(workshop, entry);
	if (!can(actor, 'workshop:view', resource)) return null;
	return buildCalendar(
		[{ workshop, showOnlineLink: can(actor, 'workshop:view-roster', resource) }],
		{
			origin,
			locale: member.locale,
			method:
				workshop.state === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
			invitee: {
				email: member.email,
				displayName: member.displayName,
				answer: entry?.answer ?? null
			}
		}
	);
}
