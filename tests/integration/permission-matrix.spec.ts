import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cohort, Member, Municipality, Workshop } from '../../src/lib/server/db/models';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { connected, openSocket } from '../support/socket';

/**
 * Every route and form action × every role, against the built server with the demo data.
 * Other domains add rows to `rows` (and ids to `ids` in beforeAll when a path needs one).
 *
 * Outcomes: a status code, 'login' (303 to the login page), or 'redirect' (303 elsewhere).
 */
type Role = 'anonymous' | 'supervisor' | 'alumni' | 'moderator' | 'organiser' | 'admin';
type Outcome = 200 | 400 | 401 | 403 | 404 | 'login' | 'redirect';
type Expect = Record<Role, Outcome>;

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

const logins: Record<Exclude<Role, 'anonymous'>, string> = {
	supervisor: 'petra.lange@netzwerk.example',
	alumni: 'anna.schulze@netzwerk.example',
	moderator: 'moderation@netzwerk.example',
	organiser: 'organisation@netzwerk.example',
	admin: 'admin@netzwerk.example'
};
const roles = ['anonymous', ...Object.keys(logins)] as Role[];

const all = (o: Outcome): Expect => ({
	anonymous: o,
	supervisor: o,
	alumni: o,
	moderator: o,
	organiser: o,
	admin: o
});
/** Signed-in only, anyone. */
const signedIn = (o: Outcome): Expect => ({ ...all(o), anonymous: 'login' });
/** Network members (not supervisor-only guests). */
const network = (o: Outcome): Expect => ({ ...signedIn(o), supervisor: 403 });
/** Organisers and admins. */
const staff = (o: Outcome): Expect => ({ ...signedIn(403), organiser: o, admin: o });
/** Admins only. */
const adminOnly = (o: Outcome): Expect => ({ ...signedIn(403), admin: o });

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
	{ method: 'POST', path: '/admin/cohorts/{cohortId}', expect: staff(400) },
	{ method: 'GET', path: '/admin/municipalities', expect: staff(200) },
	{ method: 'POST', path: '/admin/municipalities?/create', expect: staff(400) },
	{ method: 'GET', path: '/admin/municipalities/{municipalityId}', expect: staff(200) },
	{ method: 'POST', path: '/admin/municipalities/{municipalityId}', expect: staff(400) },
	// The audit log sits in the admin area: admins (moderators have no admin area)
	{ method: 'GET', path: '/admin/audit', expect: adminOnly(200) },
	// Uploads: files answer 401 signed out and 404 for any id one may not see
	{ method: 'GET', path: `/uploads/${missing}`, expect: { ...all(404), anonymous: 401 } },
	{ method: 'GET', path: '/uploads/not-an-id', expect: all(404) },
	{ method: 'POST', path: '/forum/images', expect: { ...all(400), anonymous: 401 } },
	// Materials of the 3rd workshop: its roster (Anna, her supervisor Petra), moderators, staff
	{ method: 'GET', path: '/workshops/{workshop3Id}/materials', expect: signedIn(200) },
	{
		method: 'POST',
		path: '/workshops/{workshop3Id}/materials?/upload',
		expect: staff(400)
	},
	{
		method: 'POST',
		path: '/workshops/{workshop3Id}/materials?/link',
		body: { linkTitle: 'Leitfaden', linkUrl: 'https://example.org/leitfaden' },
		expect: staff(200)
	},
	{
		method: 'POST',
		path: '/workshops/{workshop3Id}/materials?/remove',
		body: { materialId: missing },
		expect: signedIn(404)
	},
	{
		method: 'POST',
		path: '/workshops/{workshop3Id}/materials?/settings',
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
	{ method: 'POST', path: `/workshops/${missing}/materials?/settings`, expect: signedIn(404) }
];

/** Socket events × roles; other domains add their events here. Connecting is the first. */
export const socketRows: { name: string; expect: Record<Role, 'ok' | 'refused'> }[] = [
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

function outcomeOf(res: Response): Outcome | number {
	if (res.status === 303 || res.status === 302) {
		const location = res.headers.get('location') ?? '';
		return location.startsWith('/login') ? 'login' : 'redirect';
	}
	return res.status;
}

describe('permission matrix', () => {
	let app: RunningApp;
	const cookies = new Map<Role, string>();
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		const uri = databaseUri(`matrix_${Date.now()}`);
		app = await startApp({ MONGODB_URI: uri, SEED_DEMO: 'always' });
		for (const [role, email] of Object.entries(logins))
			cookies.set(role as Role, await login(app, email, demoPassword));
		await mongoose.connect(uri);
		ids.annaId = (await Member.findOne({ email: logins.alumni }).lean())!._id.toString();
		ids.cohortId = (await Cohort.findOne().lean())!._id.toString();
		ids.municipalityId = (await Municipality.findOne().lean())!._id.toString();
		ids.workshop3Id = (await Workshop.findOne({ number: 3 }).lean())!._id.toString();
	});
	afterAll(async () => {
		await mongoose.disconnect();
		await app?.stop();
	});

	const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, key: string) => ids[key]!);

	async function request(row: Row, role: Role): Promise<Response> {
		let cookie = cookies.get(role);
		if (row.endsSession && role !== 'anonymous')
			cookie = await login(app, logins[role], demoPassword);
		const res = await fetch(app.url + fill(row.path), {
			method: row.method,
			redirect: 'manual',
			headers: {
				accept: 'text/html',
				origin: app.url,
				...(cookie ? { cookie } : {}),
				...(row.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: row.method === 'POST' ? new URLSearchParams(row.body ?? {}) : undefined
		});
		// "Sign out everywhere" ends the shared session of this role too: sign in again.
		if (row.endsSession && role !== 'anonymous')
			cookies.set(role, await login(app, logins[role], demoPassword));
		return res;
	}

	it.each(rows.map((row) => [`${row.method} ${row.path}`, row] as const))(
		'%s answers every role as expected',
		async (_name, row) => {
			const actual: Partial<Record<Role, Outcome | number>> = {};
			for (const role of roles) actual[role] = outcomeOf(await request(row, role));
			expect(actual).toEqual(row.expect);
		}
	);

	it.each(socketRows.map((row) => [row.name, row] as const))(
		'socket %s answers every role as expected',
		async (_name, row) => {
			const actual: Partial<Record<Role, string>> = {};
			for (const role of roles) {
				const socket = openSocket(app.url, { cookie: cookies.get(role) });
				actual[role] = await connected(socket).then(
					() => 'ok',
					() => 'refused'
				);
				socket.close();
			}
			expect(actual).toEqual(row.expect);
		}
	);

	it('a supervisor cannot reach the directory, a profile or the admin area', async () => {
		const cookie = cookies.get('supervisor')!;
		for (const path of ['/members', '/members/anna.schulze', '/admin']) {
			const res = await fetch(app.url + path, { headers: { cookie }, redirect: 'manual' });
			expect(res.status).toBe(403);
		}
	});
});
