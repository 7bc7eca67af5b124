import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cohort, Member, Municipality, Workshop } from '../../src/lib/server/db/models';
import type { WorkshopLean } from '../../src/lib/server/workshops/access';
import { issueRsvpLinks } from '../../src/lib/server/workshops/rsvp-links';
import { startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import {
	adminOnly,
	all,
	network,
	outcomeOf,
	outcomesByRole,
	roleLogins,
	send,
	signedIn,
	signInAgain,
	signInEveryRole,
	staff,
	type Expect,
	type MatrixRole
} from '../support/role-matrix';
import { connected, openSocket } from '../support/socket';

/**
 * Every route and form action × every role, against the built server with the demo data.
 * Other domains add rows to `rows` (and ids to `ids` in beforeAll when a path needs one).
 *
 * Outcomes: a status code, 'login' (303 to the login page), or 'redirect' (303 elsewhere).
 */
interface Row {
	method: 'GET' | 'POST';
	/** May contain {placeholders} filled from `ids`. */
	path: string;
	expect: Expect;
	/** Form body for POST rows (defaults to empty: validation answers 400 once access is granted). */
	body?: Record<string, string>;
	/** The request ends the session: it is sent with a fresh one of its own. */
	endsSession?: boolean;
}

const missing = '000000000000000000000000';
const bogusToken = 'abcdefghijklmnopqrstuvwxyz234567';

export const rows: Row[] = [
	// Foundation
	{ method: 'GET', path: '/', expect: all(200) },
	{ method: 'GET', path: '/login', expect: { ...all('redirect'), anonymous: 200 } },
	// Signed in, the page's load sends the member on after the failed action
	{ method: 'POST', path: '/login', expect: { ...all('redirect'), anonymous: 400 } },
	{ method: 'GET', path: '/healthz', expect: all(200) },
	{ method: 'GET', path: '/readyz', expect: all(200) },
	{ method: 'POST', path: '/language', body: { locale: 'de' }, expect: all('redirect') },
	{ method: 'POST', path: '/logout', expect: all('login'), endsSession: true },
	// Accounts: invitation and password reset pages are reachable by link, for anyone
	{ method: 'GET', path: '/password-reset', expect: all(200) },
	{ method: 'POST', path: '/password-reset', expect: all(400) },
	{ method: 'GET', path: `/password-reset/${bogusToken}`, expect: all(200) },
	{ method: 'POST', path: `/password-reset/${bogusToken}`, expect: all(400) },
	{ method: 'GET', path: `/invite/${bogusToken}`, expect: all(200) },
	{ method: 'POST', path: `/invite/${bogusToken}`, expect: all(400) },
	// Directory and profiles
	{ method: 'GET', path: '/members', expect: network(200) },
	{ method: 'GET', path: '/members?cohort=nonsense', expect: network(400) },
	{ method: 'GET', path: '/members/anna.schulze', expect: network(200) },
	{ method: 'GET', path: '/members/nobody.here', expect: network(404) },
	{ method: 'GET', path: `/avatars/${missing}`, expect: { ...all(404), anonymous: 401 } },
	// Settings
	{ method: 'GET', path: '/settings', expect: signedIn(200) },
	{ method: 'GET', path: '/settings/export', expect: signedIn(200) },
	{ method: 'POST', path: '/settings?/profile', expect: signedIn(400) },
	{ method: 'POST', path: '/settings?/avatar', expect: signedIn(400) },
	{ method: 'POST', path: '/settings?/password', expect: signedIn(400) },
	{ method: 'POST', path: '/settings?/language', expect: signedIn(400) },
	{ method: 'POST', path: '/settings?/deleteAccount', expect: signedIn(400) },
	{
		method: 'POST',
		path: '/settings?/notifications',
		body: { mentions: 'on' },
		expect: signedIn(200)
	},
	{ method: 'POST', path: '/settings?/removeAvatar', expect: signedIn(200) },
	{ method: 'POST', path: '/settings?/signOutEverywhere', expect: all('login'), endsSession: true },
	// Another member's (or an unknown) session id answers as not found
	{
		method: 'POST',
		path: '/settings?/signOutSession',
		body: { sessionId: 'a'.repeat(64) },
		expect: signedIn(404)
	},
	// Calendar: the personal feed link is made and ended in the settings and read without a
	// cookie; a workshop's file answers like its page (404 where it may not be seen)
	{ method: 'POST', path: '/settings?/renewCalendarFeed', expect: signedIn(200) },
	{ method: 'POST', path: '/settings?/endCalendarFeed', expect: signedIn(200) },
	{ method: 'GET', path: `/calendar/${bogusToken}.ics`, expect: all(404) },
	{ method: 'GET', path: '/calendar/nonsense.ics', expect: all(404) },
	{ method: 'GET', path: `/workshops/${missing}.ics`, expect: signedIn(404) },
	{ method: 'GET', path: '/workshops/{upcomingWorkshopId}.ics', expect: signedIn(200) },
	// The supervisor's guest access to the workshop of 2022 ended 30 days after it closed
	{
		method: 'GET',
		path: '/workshops/{pastWorkshopId}.ics',
		expect: { ...signedIn(200), supervisor: 404 }
	},
	// One-click answers from invitation mails: the link is the authority, for anyone who holds
	// it; opening shows a button, and an unknown link answers nothing, neutrally
	{ method: 'GET', path: '/rsvp/{rsvpToken}', expect: all(200) },
	{ method: 'GET', path: `/rsvp/${bogusToken}`, expect: all(200) },
	{ method: 'GET', path: '/rsvp/nonsense', expect: all(200) },
	{ method: 'POST', path: `/rsvp/${bogusToken}`, expect: all(410) },
	// Admin area
	{ method: 'GET', path: '/admin', expect: staff(200) },
	{ method: 'GET', path: '/admin/members', expect: adminOnly(200) },
	{ method: 'GET', path: '/admin/members?role=nonsense', expect: adminOnly(400) },
	{ method: 'GET', path: '/admin/members/{annaId}', expect: adminOnly(200) },
	{ method: 'GET', path: `/admin/members/${missing}`, expect: adminOnly(404) },
	{ method: 'POST', path: `/admin/members/${missing}?/roles`, expect: adminOnly(404) },
	{ method: 'POST', path: `/admin/members/${missing}?/cohorts`, expect: adminOnly(404) },
	{ method: 'POST', path: `/admin/members/${missing}?/deactivate`, expect: adminOnly(404) },
	{ method: 'POST', path: `/admin/members/${missing}?/reactivate`, expect: adminOnly(404) },
	{ method: 'GET', path: '/admin/invitations', expect: staff(200) },
	{ method: 'POST', path: '/admin/invitations?/create', expect: staff(400) },
	{ method: 'POST', path: '/admin/invitations?/revoke', expect: staff(400) },
	{ method: 'POST', path: '/admin/invitations?/resend', expect: staff(400) },
	{ method: 'GET', path: '/admin/cohorts', expect: staff(200) },
	{ method: 'POST', path: '/admin/cohorts?/create', expect: staff(400) },
	{ method: 'GET', path: '/admin/cohorts/{cohortId}', expect: staff(200) },
	{ method: 'GET', path: `/admin/cohorts/${missing}`, expect: staff(404) },
	{ method: 'GET', path: '/admin/cohorts/{cohortId}?q=anna', expect: staff(200) },
	{ method: 'POST', path: '/admin/cohorts/{cohortId}?/save', expect: staff(400) },
	{ method: 'POST', path: '/admin/cohorts/{cohortId}?/add', expect: staff(400) },
	{ method: 'POST', path: '/admin/cohorts/{cohortId}?/remove', expect: staff(400) },
	{ method: 'GET', path: '/admin/municipalities', expect: staff(200) },
	{ method: 'POST', path: '/admin/municipalities?/create', expect: staff(400) },
	{ method: 'GET', path: '/admin/municipalities/{municipalityId}', expect: staff(200) },
	{ method: 'POST', path: '/admin/municipalities/{municipalityId}', expect: staff(400) },
	// The audit log sits in the admin area: admins read all of it, organisers their own
	// entries (moderators have no admin area)
	{ method: 'GET', path: '/admin/audit', expect: staff(200) },
	// Legal pages: everyone reads them, without an account too; only admins edit them
	{ method: 'GET', path: '/impressum', expect: all(200) },
	{ method: 'GET', path: '/datenschutz', expect: all(200) },
	{ method: 'GET', path: '/barrierefreiheit', expect: all(200) },
	{ method: 'POST', path: '/barrierefreiheit?/feedback', expect: all(400) },
	{ method: 'POST', path: '/impressum?/feedback', expect: all(404) },
	{ method: 'GET', path: '/admin/legal', expect: adminOnly(200) },
	{ method: 'GET', path: '/admin/legal/impressum', expect: adminOnly(200) },
	{ method: 'POST', path: '/admin/legal/impressum', expect: adminOnly(400) },
	{ method: 'GET', path: '/admin/legal/agb', expect: all(404) },
	// Workshop channels: the roster (Anna and her supervisor Petra), moderators and staff; the
	// supervisor's access to the workshop of 2022 has ended
	{ method: 'GET', path: '/chat/workshop-{upcomingWorkshopId}', expect: signedIn(200) },
	{
		method: 'GET',
		path: '/chat/workshop-{pastWorkshopId}',
		expect: { ...signedIn(200), supervisor: 404 }
	},
	{ method: 'GET', path: `/chat/workshop-${missing}`, expect: signedIn(404) },
	// Guests of a workshop: organisers invite observers and revoke guests; an address of a
	// network member is refused (409), a member who is no guest of it is not found (404)
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/inviteObserver',
		body: { displayName: 'Anna', email: 'anna.schulze@netzwerk.example' },
		expect: { ...signedIn(403), organiser: 409, admin: 409 }
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/revokeGuest',
		body: { memberId: '{annaId}' },
		expect: { ...signedIn(403), organiser: 404, admin: 404 }
	},
	{
		method: 'POST',
		path: `/workshops/${missing}?/revokeGuest`,
		body: { memberId: missing },
		expect: signedIn(404)
	},
	// Uploads: files answer 401 signed out and 404 for any id one may not see
	{ method: 'GET', path: `/uploads/${missing}`, expect: { ...all(404), anonymous: 401 } },
	{ method: 'GET', path: '/uploads/not-an-id', expect: all(404) },
	{ method: 'POST', path: '/forum/images', expect: { ...all(400), anonymous: 401 } },
	// Materials of the 3rd workshop: its roster (Anna, her supervisor Petra), moderators, staff
	{ method: 'GET', path: '/workshops/{upcomingWorkshopId}/materials', expect: signedIn(200) },
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/materials?/upload',
		expect: staff(400)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/materials?/link',
		body: { linkTitle: 'Leitfaden', linkUrl: 'https://example.org/leitfaden' },
		expect: staff(200)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/materials?/remove',
		body: { materialId: missing },
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/materials?/settings',
		expect: staff(200)
	},
	{ method: 'GET', path: `/workshops/${missing}/materials`, expect: signedIn(404) },
	{ method: 'POST', path: `/workshops/${missing}/materials?/upload`, expect: signedIn(404) },
	{
		method: 'POST',
		path: `/workshops/${missing}/materials?/link`,
		body: { linkTitle: 'Leitfaden', linkUrl: 'https://example.org' },
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: `/workshops/${missing}/materials?/remove`,
		body: { materialId: missing },
		expect: signedIn(404)
	},
	{ method: 'POST', path: `/workshops/${missing}/materials?/settings`, expect: signedIn(404) },
	// Notes and the live view of the 3rd workshop, which is published, not yet live: organisers
	// name note-takers and correct attendance; moving on, checking in and reopening wait for
	// its state; an item or workshop that does not exist answers 404
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/noteTaker',
		body: { memberId: '{annaId}', noteTaker: 'on' },
		expect: staff(200)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/attendance',
		body: { memberId: '{annaId}', attended: 'yes' },
		expect: staff(200)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/live',
		body: { by: '1' },
		expect: signedIn(403)
	},
	{ method: 'POST', path: '/workshops/{upcomingWorkshopId}?/checkIn', expect: signedIn(403) },
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/reopenNotes',
		body: { reopen: 'on' },
		expect: signedIn(403)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/saveNote',
		body: { itemId: missing, baseVersion: '0', source: 'Notiz' },
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: `/workshops/${missing}?/saveNote`,
		body: { itemId: missing, baseVersion: '0', source: 'Notiz' },
		expect: signedIn(404)
	},
	{
		method: 'GET',
		path: `/workshops/{upcomingWorkshopId}/notes/${missing}`,
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/addOutcome',
		body: { itemId: missing, kind: 'decision', text: 'Beschluss' },
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}?/removeOutcome',
		body: { outcomeId: missing },
		expect: signedIn(403)
	},
	// Needs survey of the 3rd workshop (open in the demo): its respondents (Anna and her
	// supervisor Petra) and staff see the page; results and exports are for staff only
	{
		method: 'GET',
		path: '/workshops/{upcomingWorkshopId}/survey',
		expect: { ...signedIn(200), moderator: 403 }
	},
	{ method: 'GET', path: '/workshops/{upcomingWorkshopId}/survey/results', expect: staff(200) },
	{
		method: 'GET',
		path: '/workshops/{upcomingWorkshopId}/survey/export.csv',
		expect: { ...signedIn(403), organiser: 200, admin: 200 }
	},
	{
		method: 'GET',
		path: '/workshops/{upcomingWorkshopId}/survey/export.pdf',
		expect: signedIn(404)
	},
	// Open: only its respondents answer (an empty form lacks the required municipality)
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/survey?/answer',
		expect: { ...signedIn(403), alumni: 400, supervisor: 400 }
	},
	// Closed (the 2nd workshop's): nobody answers; Petra's guest access has ended with it
	{
		method: 'POST',
		path: '/workshops/{pastWorkshopId}/survey?/answer',
		expect: { ...signedIn(403), supervisor: 404 }
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/survey?/state',
		body: { to: 'open' },
		expect: staff(200)
	},
	// Questions and settings change only while a draft
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/survey?/remove',
		body: { questionId: missing },
		expect: { ...signedIn(403), organiser: 409, admin: 409 }
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/survey?/settings',
		body: { intro: '', mode: 'person' },
		expect: { ...signedIn(403), organiser: 409, admin: 409 }
	},
	{ method: 'GET', path: `/workshops/${missing}/survey`, expect: signedIn(404) },
	{ method: 'GET', path: `/workshops/${missing}/survey/results`, expect: signedIn(404) },
	{ method: 'GET', path: `/workshops/${missing}/survey/export.xlsx`, expect: signedIn(404) },
	{ method: 'POST', path: `/workshops/${missing}/survey?/answer`, expect: signedIn(404) },
	// Need cards and the dot vote (none opened in the demo): whoever sees the workshop sees its
	// cards; staff write them and run the vote; the register shows each role what it may see
	{ method: 'GET', path: '/needs', expect: signedIn(200) },
	{ method: 'GET', path: '/needs?status=nonsense', expect: signedIn(400) },
	{ method: 'GET', path: '/needs/export.xlsx', expect: signedIn(200) },
	{ method: 'GET', path: '/needs/export.pdf', expect: signedIn(404) },
	{
		method: 'POST',
		path: '/needs?/status',
		body: { needId: missing, status: 'done' },
		expect: signedIn(404)
	},
	{ method: 'GET', path: '/workshops/{upcomingWorkshopId}/needs', expect: signedIn(200) },
	{ method: 'GET', path: '/workshops/{upcomingWorkshopId}/needs/new', expect: staff(200) },
	{
		method: 'GET',
		path: `/workshops/{upcomingWorkshopId}/needs/${missing}`,
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/needs?/dot',
		body: { needId: missing, by: '1' },
		expect: signedIn(403)
	},
	{
		method: 'POST',
		path: '/workshops/{upcomingWorkshopId}/needs?/closeVote',
		expect: { ...signedIn(403), organiser: 409, admin: 409 }
	},
	{ method: 'GET', path: `/workshops/${missing}/needs`, expect: signedIn(404) }
];

/** Socket events × roles; other domains add their events here. Connecting is the first. */
export const socketRows: { name: string; expect: Record<MatrixRole, 'ok' | 'refused'> }[] = [
	{
		name: 'connect',
		expect: {
			anonymous: 'refused',
			supervisor: 'ok',
			alumni: 'ok',
			moderator: 'ok',
			organiser: 'ok',
			admin: 'ok'
		}
	}
];

describe('permission matrix', () => {
	let app: RunningApp;
	let cookies: Record<MatrixRole, string>;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		const uri = databaseUri(`matrix_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		cookies = await signInEveryRole(app);
		await mongoose.connect(uri);
		ids.annaId = (await Member.findOne({ email: roleLogins.alumni }).lean())!._id.toString();
		ids.cohortId = (await Cohort.findOne().lean())!._id.toString();
		ids.municipalityId = (await Municipality.findOne().lean())!._id.toString();
		ids.pastWorkshopId = (await Workshop.findOne({ number: 2 }).lean())!._id.toString();
		const upcoming = (await Workshop.findOne({ number: 3 }).lean<WorkshopLean>())!;
		ids.upcomingWorkshopId = upcoming._id.toString();
		ids.rsvpToken = (await issueRsvpLinks(upcoming, ids.annaId!))!.yes;
	});
	afterAll(async () => {
		await mongoose.disconnect();
		await app?.stop();
	});

	const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, key: string) => ids[key]!);

	async function request(row: Row, role: MatrixRole): Promise<Response> {
		const own = row.endsSession && role !== 'anonymous';
		const cookie = own ? await signInAgain(app, role) : cookies[role];
		const body =
			row.body &&
			Object.fromEntries(
				Object.entries(row.body).map(([k, v]) => [k, typeof v === 'string' ? fill(v) : v])
			);
		const res = await send(app, cookie, row.method, fill(row.path), body);
		// "Sign out everywhere" ends the shared session of this role too: sign in again.
		if (own) cookies[role] = await signInAgain(app, role);
		return res;
	}

	it.each(rows.map((row) => [`${row.method} ${row.path}`, row] as const))(
		'%s answers every role as expected',
		async (_name, row) => {
			expect(await outcomesByRole(async (role) => outcomeOf(await request(row, role)))).toEqual(
				row.expect
			);
		}
	);

	it.each(socketRows.map((row) => [row.name, row] as const))(
		'socket %s answers every role as expected',
		async (_name, row) => {
			const actual = await outcomesByRole(async (role) => {
				const socket = openSocket(app.url, { cookie: cookies[role] });
				const outcome = await connected(socket).then(
					() => 'ok',
					() => 'refused'
				);
				socket.close();
				return outcome;
			});
			expect(actual).toEqual(row.expect);
		}
	);

	it('the header links only to sections the role may open, by the server’s rules', async () => {
		const sections = [
			'/forum',
			'/workshops',
			'/needs',
			'/chat',
			'/members',
			'/search',
			'/moderation',
			'/admin'
		];
		const linked = await outcomesByRole(async (role) => {
			const home = await (await send(app, cookies[role], 'GET', '/')).text();
			const header = home.slice(home.indexOf('<header'), home.indexOf('</header>'));
			return sections.filter((section) => header.includes(`href="${section}"`));
		});
		const member = ['/forum', '/workshops', '/needs', '/chat', '/members', '/search'];
		expect(linked).toEqual({
			anonymous: [],
			supervisor: ['/forum', '/workshops', '/needs', '/chat', '/search'],
			alumni: member,
			moderator: [...member, '/moderation'],
			organiser: [...member, '/admin'],
			admin: [...member, '/moderation', '/admin']
		});
		// Open: the page, or where it sends the member on (the chat opens a channel).
		const unreachable = await outcomesByRole(async (role) => {
			const outcomes = await Promise.all(
				linked[role].map(async (section) =>
					outcomeOf(await send(app, cookies[role], 'GET', section))
				)
			);
			return linked[role].filter((_, i) => outcomes[i] !== 200 && outcomes[i] !== 'redirect');
		});
		expect(Object.values(unreachable).flat()).toEqual([]);
	});

	it('a supervisor cannot reach the directory, a profile or the admin area', async () => {
		const cookie = cookies.supervisor;
		for (const path of ['/members', '/members/anna.schulze', '/admin']) {
			const res = await fetch(app.url + path, { headers: { cookie }, redirect: 'manual' });
			expect(res.status).toBe(403);
		}
	});
});
