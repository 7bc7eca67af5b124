import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { databaseUri } from '../../../../tests/support/db';
import { refusalOf, valueOf } from '../../../../tests/support/result';
import type { Actor } from '../auth/permissions';
import {
	AuditEntry,
	ForumCategory,
	ForumPost,
	ForumTag,
	ForumThread,
	ForumThreadState,
	Member,
	Notification
} from '../db/models';
import { resetSequenceCache } from '../db/sequence';
import * as forum from '.';

// Own connection instead of useTestDatabase: that one builds every model's indexes, and the
// channel model's partial index is not supported by the embedded database.
beforeAll(async () => {
	await mongoose.connect(databaseUri(`forum_service_${process.pid}_${Date.now().toString(36)}`));
	await Promise.all(
		[ForumCategory, ForumPost, ForumTag, ForumThread, ForumThreadState, Member, Notification].map(
			(m) => m.init()
		)
	);
});
afterAll(async () => {
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
});

const open = ['alumni', 'moderator', 'organiser'] as const;
let alumna: Actor;
let other: Actor;
let moderator: Actor;
let supervisor: Actor;
let general: string;
let guests: string;
let staffOnly: string;

/** What the member sees on the thread page from post `from` on. */
async function view(actor: Actor, threadId: string, from = 1) {
	const opened = valueOf(await forum.openThread(actor, { threadId, from }));
	if (!('page' in opened)) throw new Error(`sent on to ${opened.redirect}`);
	return opened.page.view;
}

/** A thread as the starting point of a test. */
const newThread = async (
	actor: Actor,
	categoryId: string,
	title: string,
	body: string,
	tags: string[] = []
) => valueOf(await forum.createThread(actor, { categoryId, title, body, tags }));

/** The first page of a category's thread list. */
const threadList = async (actor: Actor, slug: string) =>
	valueOf(await forum.categoryPage(actor, { slug })).threads;

async function member(handle: string, roles: Actor['roles']): Promise<Actor> {
	const doc = await Member.create({
		email: `${handle}@test.example`,
		displayName: handle.replace('.', ' '),
		handle,
		sortName: handle,
		passwordHash: 'x',
		roles
	});
	return { id: doc._id.toString(), roles, cohortIds: [] };
}

beforeAll(async () => {
	resetSequenceCache();
	alumna = await member('anna.test', ['alumni']);
	other = await member('ben.test', ['alumni']);
	moderator = await member('mod.test', ['moderator', 'alumni']);
	supervisor = await member('sup.test', ['supervisor']);
	general = (
		await ForumCategory.create({
			name: 'Allgemein',
			slug: 'allgemein',
			readRoles: open,
			postRoles: open
		})
	)._id.toString();
	guests = (
		await ForumCategory.create({
			name: 'Transfer',
			slug: 'transfer',
			readRoles: [...open, 'supervisor'],
			postRoles: [...open, 'supervisor']
		})
	)._id.toString();
	staffOnly = (
		await ForumCategory.create({
			name: 'Intern',
			slug: 'intern',
			readRoles: ['admin'],
			postRoles: ['admin']
		})
	)._id.toString();
	await ForumTag.create({ name: 'Förderung', slug: 'foerderung' });
});

describe('threads and posts', () => {
	it('creates a thread with its first post, counters and a watching author', async () => {
		const { threadId } = await newThread(
			alumna,
			general,
			'Wo ist die Stelle angesiedelt?',
			'Bei uns im **Hauptamt**.',
			['foerderung']
		);
		const thread = await ForumThread.findById(threadId).lean();
		expect(thread?.postCount).toBe(1);
		expect(thread?.tags).toEqual(['foerderung']);
		const post = await ForumPost.findOne({ threadId: thread!._id }).lean();
		expect(post?.html).toContain('<strong>Hauptamt</strong>');
		expect(post?.terms).toContain('hauptamt');
		const category = await ForumCategory.findById(general).lean();
		expect(category?.threadCount).toBe(1);
		expect(category?.lastThreadTitle).toBe('Wo ist die Stelle angesiedelt?');
		const state = await ForumThreadState.findOne({ threadId: thread!._id }).lean();
		expect(state?.level).toBe('watching');
	});

	it('numbers replies without gaps and notifies watchers and mentioned members', async () => {
		const { threadId } = await newThread(
			alumna,
			general,
			'Nummerierung im Thread',
			'Erster Beitrag'
		);
		const replies = await Promise.all(
			[1, 2, 3, 4].map((i) => forum.replyToThread(other, { threadId, body: `Antwort ${i}` }))
		);
		expect(replies.map((r) => valueOf(r).number).sort()).toEqual([2, 3, 4, 5]);
		await forum.replyToThread(other, { threadId, body: 'Hallo @mod.test, schau mal' });
		const toAuthor = await Notification.find({ memberId: new Types.ObjectId(alumna.id) }).lean();
		expect(toAuthor.filter((n) => n.kind === 'reply').length).toBeGreaterThanOrEqual(5);
		const toModerator = await Notification.find({
			memberId: new Types.ObjectId(moderator.id)
		}).lean();
		expect(toModerator.map((n) => n.kind)).toEqual(['mention']);
		const thread = await ForumThread.findById(threadId).lean();
		expect(thread?.lastNumber).toBe(6);
		// The thread's post list (read by the thread page) follows the numbers.
		const posts = await ForumPost.find({ threadId: thread!._id }).sort({ number: 1 }).lean();
		expect(thread?.postIds.map(String)).toEqual(posts.map((p) => p._id.toString()));
	});

	it('refuses bad writes and stores nothing half-written', async () => {
		const before = await ForumPost.countDocuments();
		const threadsBefore = await ForumThread.countDocuments();
		const attempts = [
			forum.createThread(alumna, { categoryId: staffOnly, title: 'Geheim', body: 'x', tags: [] }),
			forum.createThread(alumna, { categoryId: general, title: 'Tag', body: 'x', tags: ['nope'] }),
			forum.createThread(supervisor, { categoryId: general, title: 'Gast', body: 'x', tags: [] })
		];
		expect((await Promise.all(attempts)).map(refusalOf)).toEqual([
			'forum.errors.unknown_category',
			'forum.errors.unknown_tag',
			'forum.errors.unknown_category'
		]);
		expect(await ForumPost.countDocuments()).toBe(before);
		expect(await ForumThread.countDocuments()).toBe(threadsBefore);
	});

	it('keeps an edit history, refuses editing someone else’s post and audits moderator edits', async () => {
		const { threadId } = await newThread(alumna, general, 'Bearbeiten', 'Version eins');
		const first = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const postId = first!._id.toString();
		const before = await view(other, threadId);
		expect(before.posts[0]!.html).toContain('Version eins');
		valueOf(await forum.editPost(alumna, { postId, body: 'Version zwei' }));
		valueOf(await forum.toggleReaction(other, { postId, reaction: 'heart' }));
		// The cached page is retired by the edit and the reaction.
		const after = await view(other, threadId);
		expect(after.posts[0]!.html).toContain('Version zwei');
		expect(after.posts[0]!.reactions.heart).toEqual([other.id]);
		expect(refusalOf(await forum.editPost(other, { postId, body: 'Übernommen' }))).toBe(
			'forum.errors.not_author'
		);
		valueOf(await forum.editPost(moderator, { postId, body: 'Version drei' }));
		const history = valueOf(await forum.postHistory(other, { postId }));
		expect(history.current).toBe('Version drei');
		expect(history.versions.map((v) => v.source)).toEqual(['Version zwei', 'Version eins']);
		expect(await AuditEntry.countDocuments({ action: 'forum.post.edit', targetId: postId })).toBe(
			1
		);
	});

	it('toggles reactions and refuses replies in locked threads', async () => {
		const { threadId } = await newThread(alumna, general, 'Reaktionen und Sperre', 'Los geht’s');
		const post = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const like = { postId: post!._id.toString(), reaction: 'like' as const };
		const liked = valueOf(await forum.toggleReaction(other, like));
		expect(liked.reactions.like).toEqual([other.id]);
		const unliked = valueOf(await forum.toggleReaction(other, like));
		expect(unliked.reactions.like).toBeUndefined();
		const lock = (actor: Actor, value: boolean) =>
			forum.setThreadFlag(actor, { threadId, flag: 'locked', value });
		valueOf(await lock(moderator, true));
		expect(refusalOf(await forum.replyToThread(other, { threadId, body: 'Noch was' }))).toBe(
			'forum.errors.locked'
		);
		expect(await lock(other, false)).toMatchObject({ ok: false, failure: { code: 'forbidden' } });
	});

	it('quotes a post of the same thread only', async () => {
		const { threadId } = await newThread(alumna, general, 'Zitate im Thread', 'Der Ursprung');
		const first = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const reply = valueOf(
			await forum.replyToThread(other, {
				threadId,
				body: 'Genau so',
				quotedPostId: first!._id.toString()
			})
		);
		const page = await view(alumna, threadId);
		expect(page.posts.find((p) => p.id === reply.id)?.quotedPostId).toBe(first!._id.toString());
		const quote = valueOf(
			await forum.quotePost(other, { postId: first!._id.toString(), locale: 'de' })
		);
		expect(quote.markdown).toMatch(
			new RegExp(
				`^> \\[.+ in Beitrag #1\\]\\(/forum/t/${threadId}\\?from=1#post-1\\):\n>\n> Der Ursprung\n\n$`
			)
		);
		const elsewhere = await newThread(alumna, general, 'Anderes Thema', 'Text');
		const foreignQuote = await forum.replyToThread(other, {
			threadId: elsewhere.threadId,
			body: 'Fremdes Zitat',
			quotedPostId: first!._id.toString()
		});
		expect(refusalOf(foreignQuote)).toBe('forum.errors.not_found');
	});

	it('keeps the cached first page of a category current', async () => {
		const a = await newThread(alumna, guests, 'Liste älter', 'a');
		const b = await newThread(alumna, guests, 'Liste neuer', 'b');
		const first = await threadList(alumna, 'transfer');
		expect(first.threads.slice(0, 2).map((t) => t.id)).toEqual([b.threadId, a.threadId]);
		await forum.replyToThread(other, { threadId: a.threadId, body: 'hoch damit' });
		const afterReply = await threadList(alumna, 'transfer');
		expect(afterReply.threads[0]!.id).toBe(a.threadId);
		const pin = { threadId: b.threadId, flag: 'pinned' as const, value: true };
		valueOf(await forum.setThreadFlag(moderator, pin));
		const afterPin = await threadList(alumna, 'transfer');
		expect(afterPin.pinned.map((t) => t.id)).toEqual([b.threadId]);
	});

	it('keeps a cached later page of a category current', async () => {
		const many = (
			await ForumCategory.create({ name: 'Viele', slug: 'viele', readRoles: open, postRoles: open })
		)._id.toString();
		const threads = [];
		for (let i = 0; i < 27; i++) threads.push(await newThread(alumna, many, `Seite ${i}`, 'x'));
		const [oldest, second] = threads;
		const cursor = valueOf(await forum.categoryPage(alumna, { slug: 'viele' })).threads.nextCursor;
		const laterPage = async () =>
			valueOf(await forum.categoryPage(alumna, { slug: 'viele', cursor: cursor! })).threads.threads;
		expect((await laterPage()).map((t) => t.id)).toEqual([second!.threadId, oldest!.threadId]);
		// A reply lifts the oldest thread to the first page: the cached later page loses it.
		await forum.replyToThread(other, { threadId: oldest!.threadId, body: 'wieder oben' });
		expect((await laterPage()).map((t) => t.id)).toEqual([second!.threadId]);
	});

	it('tracks read positions and unread markers', async () => {
		const { threadId } = await newThread(alumna, guests, 'Ungelesen markieren', 'Eins');
		await forum.replyToThread(other, { threadId, body: 'Zwei' });
		const list = await threadList(alumna, 'transfer');
		const item = list.threads.find((t) => t.id === threadId)!;
		expect(item.firstUnread).toBe(2);
		expect(await forum.openThread(alumna, { threadId, from: 1, unread: true })).toEqual({
			ok: true,
			value: { redirect: `/forum/t/${threadId}?from=1#post-2` }
		});
		await view(alumna, threadId);
		const after = await threadList(alumna, 'transfer');
		expect(after.threads.find((t) => t.id === threadId)!.firstUnread).toBeNull();
		// Supervisors read the guest category but not the general one.
		expect((await forum.listCategories(supervisor)).map((c) => c.slug)).toEqual(['transfer']);
		expect((await view(supervisor, threadId)).posts).toHaveLength(2);
		expect(refusalOf(await forum.categoryPage(supervisor, { slug: 'allgemein' }))).toBe(
			'forum.errors.not_found'
		);
	});
});

describe('moderation', () => {
	it('moves, merges and splits threads with audit entries', async () => {
		const a = await newThread(alumna, general, 'Thema A', 'A1');
		await forum.replyToThread(other, { threadId: a.threadId, body: 'A2' });
		await forum.replyToThread(other, { threadId: a.threadId, body: 'A3' });
		const b = await newThread(other, general, 'Thema B', 'B1');
		const move = (categoryId: string) =>
			forum.moveThread(moderator, { threadId: a.threadId, categoryId });
		expect(refusalOf(await move(staffOnly))).toBe('forum.errors.unknown_category');
		valueOf(await move(guests));
		expect((await ForumThread.findById(a.threadId).lean())?.categoryId.toString()).toBe(guests);
		valueOf(await forum.mergeThreads(moderator, { sourceId: b.threadId, targetId: a.threadId }));
		const merged = await ForumPost.find({ threadId: new Types.ObjectId(a.threadId) })
			.sort({ number: 1 })
			.lean();
		expect(merged.map((p) => p.text)).toEqual(['A1', 'A2', 'A3', 'B1']);
		expect(merged.map((p) => p.number)).toEqual([1, 2, 3, 4]);
		const moved = merged.slice(2).map((p) => p._id.toString());
		const split = valueOf(
			await forum.splitThread(moderator, {
				threadId: a.threadId,
				postIds: moved,
				title: 'Abgespalten',
				categoryId: general
			})
		);
		const splitPosts = await ForumPost.find({ threadId: new Types.ObjectId(split.threadId) })
			.sort({ number: 1 })
			.lean();
		expect(splitPosts.map((p) => [p.number, p.text])).toEqual([
			[1, 'A3'],
			[2, 'B1']
		]);
		// The source thread is numbered without gaps again; a reply continues the sequence.
		const rest = await ForumPost.find({ threadId: new Types.ObjectId(a.threadId) })
			.sort({ number: 1 })
			.lean();
		expect(rest.map((p) => [p.number, p.text])).toEqual([
			[1, 'A1'],
			[2, 'A2']
		]);
		const reply = valueOf(await forum.replyToThread(other, { threadId: a.threadId, body: 'A4' }));
		expect(reply.number).toBe(3);
		const fromTwo = await view(moderator, a.threadId, 2);
		expect(fromTwo.posts.map((p) => p.number)).toEqual([2, 3]);
		expect(fromTwo.before).toBe(1);
		const actions = (await AuditEntry.find({ action: /^forum\.thread/ }).lean()).map(
			(e) => e.action
		);
		expect(actions).toEqual(
			expect.arrayContaining(['forum.thread.move', 'forum.thread.merge', 'forum.thread.split'])
		);
	});

	it('hides posts with a reason and handles reports', async () => {
		const t = await newThread(alumna, general, 'Meldungen', 'Inhalt');
		const reply = valueOf(
			await forum.replyToThread(other, { threadId: t.threadId, body: 'Unpassend' })
		);
		valueOf(await forum.reportPost(alumna, { postId: reply.id, reason: 'Spam' }));
		expect(refusalOf(await forum.reportPost(alumna, { postId: reply.id, reason: 'Nochmal' }))).toBe(
			'forum.errors.already_reported'
		);
		const queue = await forum.listOpenReports(moderator);
		expect(queue.items.map((r) => r.reason)).toContain('Spam');
		const hide = { postId: reply.id, hidden: true, reason: 'Werbung' };
		valueOf(await forum.setPostHidden(moderator, hide));
		const hidden = (await view(alumna, t.threadId)).posts.find((p) => p.id === reply.id)!;
		expect(hidden.hidden).toBe(true);
		expect(hidden.html).toBe('');
		const reportId = queue.items.find((r) => r.reason === 'Spam')!.id;
		valueOf(await forum.closeReport(moderator, { reportId, outcome: 'resolved' }));
		expect((await forum.listOpenReports(moderator)).items.map((r) => r.reason)).not.toContain(
			'Spam'
		);
	});

	it('finds the thread to merge into by a part of its title, among threads the moderator moderates', async () => {
		const source = await newThread(alumna, general, 'Breitband im ländlichen Raum', 'S1');
		const target = await newThread(other, guests, 'Förderung für BREITBAND-Ausbau', 'T1');
		const hidden = await newThread(other, general, 'Breitband alt', 'H1');
		await ForumThread.updateOne({ _id: hidden.threadId }, { $set: { hidden: true } });
		const admin = await member('admin.merge', ['admin']);
		await newThread(admin, staffOnly, 'Breitband intern', 'I1');
		const found = valueOf(
			await forum.findMergeTargets(moderator, { threadId: source.threadId, q: 'breitband' })
		);
		// Never the thread itself, a hidden one, or one in a category the moderator cannot read.
		expect(found.map((t) => [t.title, t.category])).toEqual([
			['Förderung für BREITBAND-Ausbau', 'Transfer']
		]);
		expect(found[0]!.id).toBe(target.threadId);
		// The search text is text, not a pattern.
		expect(
			valueOf(await forum.findMergeTargets(moderator, { threadId: source.threadId, q: '.*' }))
		).toEqual([]);
		expect(
			refusalOf(await forum.findMergeTargets(alumna, { threadId: source.threadId, q: 'Breit' }))
		).toBe('forum.errors.forbidden');
	});
});

describe('stored post HTML is inert', () => {
	const corpus = [
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'<a href="javascript:alert(1)">x</a>',
		'[klick](javascript:alert(1))',
		'[klick](JaVaScRiPt:alert(1))',
		'[klick](&#106;avascript:alert(1))',
		'[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
		'![x](https://evil.example/track.gif)',
		'<svg onload=alert(1)><circle /></svg>',
		'<iframe src="https://evil.example"></iframe>',
		'<div style="background:url(javascript:alert(1))">x</div>',
		'<a href="#" onclick="alert(1)">x</a>',
		'<<script>script>alert(1)<</script>/script>',
		'<img src="/uploads/a.png" onerror="alert(1)">',
		'[x](<javascript:alert(1)>)',
		'<object data="x.swf"></object><embed src="x.swf">',
		'<form action="https://evil.example"><input name=a></form>',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
		'<details open ontoggle=alert(1)>',
		'[a](vbscript:msgbox(1))',
		'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
	];

	it('stores no active content for any payload', async () => {
		const { threadId } = await newThread(alumna, general, 'XSS-Korpus', corpus[0]!);
		for (const payload of corpus.slice(1))
			valueOf(await forum.replyToThread(alumna, { threadId, body: payload }));
		const posts = await ForumPost.find(
			{ threadId: new Types.ObjectId(threadId) },
			{ html: 1 }
		).lean();
		expect(posts).toHaveLength(corpus.length);
		for (const { html } of posts) {
			expect(html).not.toMatch(
				/<(script|iframe|svg|object|embed|form|input|style|meta|math|details)\b/i
			);
			expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
			expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
			expect(html).not.toMatch(/<img[^>]+src="(?!\/uploads\/)/i);
		}
	});
});
