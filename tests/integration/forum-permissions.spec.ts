import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForumCategory, ForumPost, ForumThread, Member } from '../../src/lib/server/db/models';
import { postForm, startApp, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import {
	moderators,
	outcomeOf,
	outcomesByRole,
	roleLogins,
	send,
	signedIn,
	signInEveryRole,
	type MatrixRole as Who,
	type Outcome
} from '../support/role-matrix';
import { connected, openSocket } from '../support/socket';

/**
 * Every forum route, form action and socket event, for every role, against the built server
 * with the demo data. A thread or category a member may not read answers 404 (no existence
 * leak); an action the member may not take answers 403 or 404.
 */
let app: RunningApp;
let cookies: Record<Who, string>;
const ids = {} as Record<
	| 'general'
	| 'guests'
	| 'secret'
	| 'readOnly'
	| 'generalThread'
	| 'guestThread'
	| 'lockedThread'
	| 'foreignPost'
	| 'ownPost'
	| 'guestPost',
	string
>;
const dbName = `forumperm_${Date.now()}`;

beforeAll(async () => {
	app = await startApp({ MONGODB_URI: databaseUri(dbName), SEED_DEMO: 'always' });
	await mongoose.connect(databaseUri(dbName));
	cookies = await signInEveryRole(app);
	const slugs = Object.fromEntries(
		(await ForumCategory.find().lean()).map((c) => [c.slug, c._id.toString()])
	);
	ids.general = slugs['organisatorische-aufstellung']!;
	ids.guests = slugs['transfer-fachvorgesetzte']!;
	// An admin-only category (moderators cannot see it) and a read-only one for alumni.
	ids.secret = (
		await ForumCategory.create({
			name: 'Intern',
			slug: 'intern',
			readRoles: ['admin'],
			postRoles: ['admin']
		})
	)._id.toString();
	ids.readOnly = (
		await ForumCategory.create({
			name: 'Ankündigungen',
			slug: 'ankuendigungen',
			readRoles: ['alumni', 'moderator', 'organiser'],
			postRoles: ['moderator']
		})
	)._id.toString();
	const thread = await ForumThread.findOne({ categoryId: ids.general }).lean();
	ids.generalThread = thread!._id.toString();
	ids.guestThread = (await ForumThread.findOne({ categoryId: ids.guests }).lean())!._id.toString();
	ids.lockedThread = (await ForumThread.findOne({
		categoryId: slugs['agiles-arbeiten']
	}).lean())!._id.toString();
	const anna = await Member.findOne({ email: roleLogins.alumni }).lean();
	const posts = await ForumPost.find({ threadId: thread!._id }).sort({ number: 1 }).lean();
	ids.ownPost = posts.find((p) => p.authorId.equals(anna!._id))!._id.toString();
	ids.foreignPost = posts.find((p) => !p.authorId.equals(anna!._id))!._id.toString();
	ids.guestPost = (await ForumPost.findOne({ categoryId: ids.guests }).lean())!._id.toString();
});

afterAll(async () => {
	await mongoose.disconnect();
	await app?.stop();
});

async function answer(res: Response) {
	return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}
const get = async (role: Who, path: string) => answer(await send(app, cookies[role], 'GET', path));
const post = async (role: Who, path: string, fields: Record<string, string | string[]>) =>
	answer(await send(app, cookies[role], 'POST', path, fields));

describe('forum pages by role', () => {
	const pages: [string, () => string, Record<Who, Outcome>][] = [
		['forum index', () => '/forum', signedIn(200)],
		[
			'general category',
			() => '/forum/c/organisatorische-aufstellung',
			{ ...signedIn(200), supervisor: 404 }
		],
		['supervisor category', () => '/forum/c/transfer-fachvorgesetzte', signedIn(200)],
		['admin-only category', () => '/forum/c/intern', { ...signedIn(404), admin: 200 }],
		[
			'general thread',
			() => `/forum/t/${ids.generalThread}`,
			{ ...signedIn(200), supervisor: 404 }
		],
		['supervisor thread', () => `/forum/t/${ids.guestThread}`, signedIn(200)],
		['unknown thread', () => '/forum/t/0123456789abcdef01234567', signedIn(404)],
		['new thread', () => '/forum/new', signedIn(200)],
		[
			'post history',
			() => `/forum/p/${ids.foreignPost}/history`,
			{ ...signedIn(200), supervisor: 404 }
		],
		[
			'edit someone else’s post',
			() => `/forum/p/${ids.foreignPost}/edit`,
			{ ...signedIn(404), moderator: 200, admin: 200 }
		],
		[
			'edit own post',
			() => `/forum/p/${ids.ownPost}/edit`,
			{ ...signedIn(200), supervisor: 404, organiser: 404 }
		],
		['search', () => '/search?q=Stabsstelle', signedIn(200)],
		['moderation queue', () => '/moderation', moderators(200)],
		['audit log', () => '/moderation/audit', moderators(200)],
		['categories', () => '/moderation/categories', moderators(200)]
	];
	for (const [name, path, expected] of pages) {
		it(name, async () => {
			const outcomes = await outcomesByRole(async (role) =>
				outcomeOf(await send(app, cookies[role], 'GET', path()))
			);
			expect(outcomes).toEqual(expected);
		});
	}

	it('the supervisor sees only the categories opened to supervisors, also in search', async () => {
		const index = await get('supervisor', '/forum');
		expect(index.text).toContain('/forum/c/transfer-fachvorgesetzte');
		expect(index.text).not.toContain('/forum/c/organisatorische-aufstellung');
		const search = await get('supervisor', '/search?q=Stabsstelle');
		expect(search.text).not.toContain(ids.generalThread);
	});
});

describe('forum actions by role', () => {
	const thread = () => `/forum/t/${ids.generalThread}`;
	const moderatorOnly = { ...moderators('redirect'), supervisor: 404 };
	const actions: [
		string,
		() => string,
		() => Record<string, string | string[]>,
		Record<Who, Outcome>
	][] = [
		[
			'reply',
			() => `${thread()}?/reply`,
			() => ({ body: 'Eine Antwort zum Test.' }),
			{ ...signedIn('redirect'), supervisor: 404 }
		],
		[
			'reply in the supervisor thread',
			() => `/forum/t/${ids.guestThread}?/reply`,
			() => ({ body: 'Antwort als Gast.' }),
			signedIn('redirect')
		],
		[
			'react',
			() => `${thread()}?/react`,
			() => ({ postId: ids.foreignPost, reaction: 'like' }),
			{ ...signedIn('redirect'), supervisor: 404 }
		],
		[
			'report',
			() => `${thread()}?/report`,
			() => ({ postId: ids.foreignPost, reason: 'Bitte prüfen' }),
			{ ...signedIn('redirect'), supervisor: 404 }
		],
		[
			'watch',
			() => `${thread()}?/watch`,
			() => ({ level: 'muted' }),
			{ ...signedIn('redirect'), supervisor: 404 }
		],
		['pin', () => `${thread()}?/pin`, () => ({}), moderatorOnly],
		['unpin', () => `${thread()}?/unpin`, () => ({}), moderatorOnly],
		[
			'hide',
			() => `${thread()}?/hide`,
			() => ({ postId: ids.foreignPost, reason: 'Test' }),
			moderatorOnly
		],
		['unhide', () => `${thread()}?/unhide`, () => ({ postId: ids.foreignPost }), moderatorOnly],
		[
			'move (to the same category: no change)',
			() => `${thread()}?/move`,
			() => ({ categoryId: ids.general }),
			moderatorOnly
		],
		[
			'merge into an unknown thread',
			() => `${thread()}?/merge`,
			() => ({ targetThreadId: '0123456789abcdef01234567' }),
			{ ...signedIn(404), alumni: 403, organiser: 403 }
		],
		[
			'split without a selection',
			() => `${thread()}?/split`,
			() => ({ title: 'Neues Thema', categoryId: ids.general }),
			{ ...signedIn(400), supervisor: 404 }
		],
		[
			'new thread in the supervisor category',
			() => '/forum/new?/create',
			() => ({ categoryId: ids.guests, title: 'Neues Thema für alle', body: 'Inhalt' }),
			signedIn('redirect')
		],
		[
			'new thread in the general category',
			() => '/forum/new?/create',
			() => ({ categoryId: ids.general, title: 'Neues Thema allgemein', body: 'Inhalt' }),
			{ ...signedIn('redirect'), supervisor: 400 }
		],
		[
			'new thread in a read-only category',
			() => '/forum/new?/create',
			() => ({ categoryId: ids.readOnly, title: 'Darf ich hier schreiben?', body: 'Inhalt' }),
			{ ...signedIn(403), supervisor: 400, moderator: 'redirect', admin: 'redirect' }
		],
		[
			'new category',
			() => '/moderation/categories?/category',
			() => ({
				name: 'Test',
				slug: `test-${Math.random().toString(36).slice(2, 8)}`,
				description: '',
				colour: '#123456',
				order: '5',
				readRoles: ['alumni'],
				postRoles: ['alumni']
			}),
			moderators('redirect')
		],
		[
			'new tag',
			() => '/moderation/categories?/tag',
			() => ({ name: 'Test', slug: `tag-${Math.random().toString(36).slice(2, 8)}` }),
			moderators('redirect')
		]
	];
	for (const [name, path, fields, expected] of actions) {
		it(name, async () => {
			const outcomes = await outcomesByRole(async (role) =>
				outcomeOf(await send(app, cookies[role], 'POST', path(), fields()))
			);
			expect(outcomes).toEqual(expected);
		});
	}

	it('the preview endpoint renders for members only, with the sanitiser', async () => {
		const preview = (role: Who, body: unknown) =>
			fetch(`${app.url}/forum/preview`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: app.url,
					'content-type': 'application/json',
					...(cookies[role] ? { cookie: cookies[role] } : {})
				},
				body: JSON.stringify(body)
			});
		expect((await preview('anonymous', { body: 'x' })).status).toBe(303);
		for (const role of ['alumni', 'supervisor', 'moderator'] as const) {
			const res = await preview(role, { body: '**fett** <script>alert(1)</script>' });
			expect(res.status).toBe(200);
			const { html } = (await res.json()) as { html: string };
			expect(html).toContain('<strong>fett</strong>');
			expect(html).not.toContain('<script');
		}
		expect((await preview('alumni', { body: { $gt: '' } })).status).toBe(400);
	});

	it('splitting selected replies is for moderators only', async () => {
		const reply = await ForumPost.findOne({ threadId: ids.guestThread, number: 2 }).lean();
		const fields = {
			title: 'Abgespaltenes Thema',
			categoryId: ids.guests,
			postIds: [reply!._id.toString()]
		};
		const path = `/forum/t/${ids.guestThread}?/split`;
		expect((await post('alumni', path, fields)).status).toBe(403);
		expect((await post('supervisor', path, fields)).status).toBe(403);
		const split = await post('moderator', path, fields);
		expect(split.status).toBe(303);
		expect(split.location).toMatch(/^\/forum\/t\/[a-f0-9]{24}$/);
	});

	it('resolving a report is for moderators only', async () => {
		const { ForumReport } = await import('../../src/lib/server/db/models');
		const report = await ForumReport.findOne({ status: 'open' }).lean();
		expect(report).not.toBeNull();
		const id = report!._id.toString();
		expect((await post('alumni', '/moderation?/resolve', { reportId: id })).status).toBe(403);
		expect((await post('supervisor', '/moderation?/dismiss', { reportId: id })).status).toBe(403);
		expect((await post('moderator', '/moderation?/resolve', { reportId: id })).status).toBe(303);
	});
});

describe('bad input is refused with a localised message, the input kept, nothing stored', () => {
	/** Posts a new thread the form refuses: the reason and what was typed are on the page. */
	async function refusedThread(
		role: Who,
		fields: Record<string, string | string[]>,
		reason: string,
		kept?: string
	) {
		const res = await post(role, '/forum/new?/create', fields);
		expect(res.text).toContain(reason);
		if (kept) expect(res.text).toContain(kept);
		return res.status;
	}

	it('empty and oversized title and body', async () => {
		const before = await ForumThread.countDocuments();
		const general = { categoryId: ids.general };
		expect(
			await refusedThread('alumni', { ...general, title: '', body: '' }, 'Bitte ausfüllen.')
		).toBe(400);
		expect(
			await refusedThread(
				'alumni',
				{ ...general, title: 'Ein Titel, der bleibt', body: 'x'.repeat(20_001) },
				'Zu lang.',
				'Ein Titel, der bleibt'
			)
		).toBe(400);
		await refusedThread(
			'alumni',
			{ ...general, title: 'T'.repeat(151), body: 'Text bleibt' },
			'Zu lang.',
			'Text bleibt'
		);
		expect(await ForumThread.countDocuments()).toBe(before);
	});

	it('the preview without JavaScript returns the rendered post and keeps the input', async () => {
		const res = await post('alumni', '/forum/new?/preview', {
			categoryId: ids.general,
			title: 'Noch nicht fertig',
			body: '## Überschrift\n\n<img src=x onerror=alert(1)>'
		});
		expect(res.status).toBe(200);
		expect(res.text).toContain('<h2>Überschrift</h2>');
		expect(res.text).toContain('Noch nicht fertig');
		expect(res.text).not.toMatch(/<img[^>]*onerror/i);
	});

	it('unknown category and unknown tag', async () => {
		const before = await ForumPost.countDocuments();
		const unknownCategory = 'Diese Kategorie gibt es nicht';
		expect(
			await refusedThread(
				'alumni',
				{ categoryId: '0123456789abcdef01234567', title: 'Unbekannte Kategorie', body: 'Text' },
				unknownCategory
			)
		).toBe(400);
		expect(
			await refusedThread(
				'alumni',
				{
					categoryId: ids.general,
					title: 'Mit Schlagwort',
					body: 'Mein Text',
					tags: ['gibt-es-nicht']
				},
				'Mindestens ein Schlagwort gibt es nicht.',
				'Mein Text'
			)
		).toBe(400);
		await refusedThread(
			'moderator',
			{ categoryId: ids.secret, title: 'Geheime Kategorie', body: 'Text' },
			unknownCategory
		);
		expect(await ForumPost.countDocuments()).toBe(before);
	});

	it('posting in a read-only category or a locked thread', async () => {
		await refusedThread(
			'alumni',
			{ categoryId: ids.readOnly, title: 'Nur lesen', body: 'Mein Beitrag' },
			'In dieser Kategorie dürfen Sie nicht schreiben.'
		);
		expect((await post('moderator', `/forum/t/${ids.lockedThread}?/lock`, {})).status).toBe(303);
		const before = await ForumPost.countDocuments();
		const locked = await post('alumni', `/forum/t/${ids.lockedThread}?/reply`, {
			body: 'Noch eine Antwort'
		});
		expect(locked.status).toBe(400);
		expect(locked.text).toContain('Das Thema ist gesperrt');
		expect(locked.text).toContain('Noch eine Antwort');
		expect(await ForumPost.countDocuments()).toBe(before);
		expect((await post('moderator', `/forum/t/${ids.lockedThread}?/unlock`, {})).status).toBe(303);
	});

	it('editing someone else’s post and moving to a category the moderator cannot see', async () => {
		// The page itself is a 404 for non-authors; the action answers the enhanced form directly.
		const res = await postForm(
			app,
			`/forum/p/${ids.foreignPost}/edit`,
			{ body: 'Übernommen' },
			{
				cookie: cookies.alumni,
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
			}
		);
		const edit = (await res.json()) as { type: string; status: number; data: string };
		expect(edit).toMatchObject({ type: 'failure', status: 400 });
		expect(edit.data).toContain('Sie können nur Ihre eigenen Beiträge bearbeiten.');
		expect(edit.data).toContain('Übernommen');
		expect((await ForumPost.findById(ids.foreignPost).lean())?.source).not.toBe('Übernommen');
		const move = await post('moderator', `/forum/t/${ids.generalThread}?/move`, {
			categoryId: ids.secret
		});
		expect(move.status).toBe(400);
		expect(move.text).toContain('Diese Kategorie gibt es nicht');
		expect((await ForumThread.findById(ids.generalThread).lean())?.categoryId.toString()).toBe(
			ids.general
		);
	});

	it('operator injection in ids is refused by validation', async () => {
		const r = await post('alumni', `/forum/t/${ids.generalThread}?/react`, {
			postId: '{"$gt":""}',
			reaction: 'like'
		});
		expect(r.status).toBe(400);
		expect((await get('alumni', '/forum/t/%7B%22%24gt%22%3A%22%22%7D')).status).toBe(404);
	});
});

describe('thread rooms over Socket.IO', () => {
	const join = (role: Who, payload: unknown) =>
		connected(openSocket(app.url, { cookie: cookies[role] })).then(
			(socket) =>
				new Promise<{ ok: boolean; code?: string }>((resolve) => {
					socket.emit('thread:join', payload, (ack: { ok: boolean; code?: string }) => {
						socket.close();
						resolve(ack);
					});
				})
		);

	it('lets readers join and answers not_found to everyone else alike', async () => {
		expect((await join('alumni', { threadId: ids.generalThread })).ok).toBe(true);
		expect((await join('moderator', { threadId: ids.generalThread })).ok).toBe(true);
		expect(await join('supervisor', { threadId: ids.generalThread })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect(await join('supervisor', { threadId: '0123456789abcdef01234567' })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect((await join('supervisor', { threadId: ids.guestThread })).ok).toBe(true);
		expect(await join('alumni', { threadId: { $gt: '' } })).toMatchObject({
			ok: false,
			code: 'invalid'
		});
		expect(await join('alumni', null)).toMatchObject({ ok: false, code: 'invalid' });
	});
});
