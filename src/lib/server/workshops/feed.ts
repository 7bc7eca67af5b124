import { trusted } from 'mongoose';
import { ICalCalendarMethod } from 'ical-generator';
import { messages } from '$lib/i18n';
import { can, type Actor } from '../auth/permissions';
import { generateToken, hashToken, isWellFormedToken } from '../auth/tokens';
import { isDuplicateKeyError } from '../db/errors';
import { oid } from '../db/ids';
import { CalendarFeed, Workshop, WorkshopRegistration } from '../db/models';
import { ok, refused, type Result } from '../result';
import { resourceOf, type RosterEntry, type WorkshopLean } from './access';
import { activeMember, buildCalendar, calendarFile, type CalendarFile } from './calendar';

/**
 * The personal calendar feed: a secret link that calendar apps poll without a cookie. Only the
 * SHA-256 of its token is stored, so the link is shown once, when it is made; making a new
 * one ends the old one.
 */

export interface CalendarFeedDto {
	active: boolean;
	createdAt: string | null;
}

export const calendarFeedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;

export async function getCalendarFeed(actor: Actor): Promise<CalendarFeedDto> {
	const feed = await CalendarFeed.findOne({ memberId: oid(actor.id) }, { createdAt: 1 }).lean();
	return { active: !!feed, createdAt: feed?.createdAt?.toISOString() ?? null };
}

/** A new feed link for the member; the previous one stops working at once. */
export async function renewCalendarFeed(
	actor: Actor,
	origin: string
): Promise<Result<{ url: string }>> {
	if (!can(actor, 'settings:use')) return refused('forbidden');
	const memberId = oid(actor.id);
	const token = generateToken();
	// One feed per member (unique index): a parallel renewal may insert between the two
	// steps, so the loser removes it and tries again.
	for (let attempt = 0; ; attempt++) {
		await CalendarFeed.deleteMany({ memberId });
		try {
			await CalendarFeed.create({ _id: hashToken(token), memberId });
			return ok({ url: calendarFeedUrl(origin, token) });
		} catch (err) {
			if (!isDuplicateKeyError(err) || attempt >= 3) throw err;
		}
	}
}

export async function endCalendarFeed(actor: Actor): Promise<Result<null>> {
	if (!can(actor, 'settings:use')) return refused('forbidden');
	await CalendarFeed.deleteMany({ memberId: oid(actor.id) });
	return ok(null);
}

/** Organisers and those with a seat or a yes/maybe; a place on the waiting list is no date. */
function belongsInFeed(entry: RosterEntry): boolean {
	if (entry.role === 'organiser' || entry.status === 'confirmed') return true;
	return entry.status !== 'waitlisted' && (entry.answer === 'yes' || entry.answer === 'maybe');
}

/**
 * The feed behind a token: the member's workshops they may still see (a guest's end once
 * their access ends). An unknown, ended or malformed token answers like a missing page.
 */
export async function feedCalendar(
	token: string,
	origin: string,
	now = new Date()
): Promise<Result<CalendarFile>> {
	if (!isWellFormedToken(token)) return refused('not_found');
	const feed = await CalendarFeed.findById(hashToken(token), { memberId: 1 }).lean();
	if (!feed) return refused('not_found');
	const member = await activeMember(feed.memberId.toString());
	if (!member) return refused('not_found');
	const { actor, locale } = member;
	const entries = await WorkshopRegistration.find(
		{ memberId: feed.memberId },
		{ workshopId: 1, role: 1, answer: 1, status: 1, waitlistedAt: 1 }
	).lean<(RosterEntry & { workshopId: WorkshopLean['_id'] })[]>();
	const mine = new Map(
		entries.filter(belongsInFeed).map((entry) => [entry.workshopId.toString(), entry])
	);
	const workshops = await Workshop.find({
		_id: trusted({ $in: [...mine.values()].map((e) => e.workshopId) }),
		state: trusted({ $ne: 'draft' })
	})
		.sort({ startsAt: 1 })
		.lean<WorkshopLean[]>();
	const visible = workshops.flatMap((workshop) => {
		const resource = resourceOf(workshop, mine.get(workshop._id.toString()) ?? null, now);
		if (!can(actor, 'workshop:view', resource)) return [];
		return [{ workshop, showOnlineLink: can(actor, 'workshop:view-roster', resource) }];
	});
	const body = buildCalendar(visible, {
		origin,
		locale,
		method: ICalCalendarMethod.PUBLISH,
		name: messages(locale).workshops.calendar.feedName,
		refreshSeconds: 3600
	});
	return ok(calendarFile('workshops.ics', body));
}
