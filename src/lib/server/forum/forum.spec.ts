import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { databaseUri } from '../../../../tests/support/db';
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
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Wo ist die Stelle angesiedelt?',
			body: 'Bei uns im **Hauptamt**.',
			tags: ['foerderung']
		});
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
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Nummerierung im Thread',
			body: 'Erster Beitrag',
			tags: []
		});
		const replies = await Promise.all(
			[1, 2, 3, 4].map((i) => forum.replyToThread(other, threadId, { body: `Antwort ${i}` }))
		);
		expect(replies.map((r) => r.number).sort()).toEqual([2, 3, 4, 5]);
		await forum.replyToThread(other, threadId, { body: 'Hallo @mod.test, schau mal' });
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
		await expect(
			forum.createThread(alumna, { categoryId: staffOnly, title: 'Geheim', body: 'x', tags: [] })
		).rejects.toMatchObject({ code: 'unknown_category' });
		await expect(
			forum.createThread(alumna, {
				categoryId: general,
				title: 'Mit Tag',
				body: 'x',
				tags: ['nope']
			})
		).rejects.toMatchObject({ code: 'unknown_tag' });
		await expect(
			forum.createThread(supervisor, { categoryId: general, title: 'Gast', body: 'x', tags: [] })
		).rejects.toMatchObject({ code: 'unknown_category' });
		expect(await ForumPost.countDocuments()).toBe(before);
		expect(await ForumThread.countDocuments()).toBe(threadsBefore);
	});

	it('keeps an edit history, refuses editing someone else’s post and audits moderator edits', async () => {
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Bearbeiten',
			body: 'Version eins',
			tags: []
		});
		const first = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const postId = first!._id.toString();
		const loaded = await forum.loadReadableThread(other, threadId);
		const before = await forum.viewThread(other, loaded.thread, loaded.category);
		expect(before.posts[0]!.html).toContain('Version eins');
		await forum.editPost(alumna, postId, 'Version zwei');
		await forum.toggleReaction(other, postId, 'heart');
		// The cached page is retired by the edit and the reaction.
		const reloaded = await forum.loadReadableThread(other, threadId);
		const after = await forum.viewThread(other, reloaded.thread, reloaded.category);
		expect(after.posts[0]!.html).toContain('Version zwei');
		expect(after.posts[0]!.reactions.heart).toEqual([other.id]);
		await expect(forum.editPost(other, postId, 'Übernommen')).rejects.toMatchObject({
			code: 'not_author'
		});
		await forum.editPost(moderator, postId, 'Version drei');
		const history = await forum.postHistory(other, postId);
		expect(history.current).toBe('Version drei');
		expect(history.versions.map((v) => v.source)).toEqual(['Version zwei', 'Version eins']);
		expect(await AuditEntry.countDocuments({ action: 'forum.post.edit', targetId: postId })).toBe(
			1
		);
	});

	it('toggles reactions and refuses replies in locked threads', async () => {
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Reaktionen und Sperre',
			body: 'Los geht’s',
			tags: []
		});
		const post = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const liked = await forum.toggleReaction(other, post!._id.toString(), 'like');
		expect(liked.reactions.like).toEqual([other.id]);
		const unliked = await forum.toggleReaction(other, post!._id.toString(), 'like');
		expect(unliked.reactions.like).toBeUndefined();
		await forum.setThreadFlag(moderator, threadId, 'locked', true);
		await expect(forum.replyToThread(other, threadId, { body: 'Noch was' })).rejects.toMatchObject({
			code: 'locked'
		});
		await expect(forum.setThreadFlag(other, threadId, 'locked', false)).rejects.toMatchObject({
			code: 'forbidden'
		});
	});

	it('quotes a post of the same thread only', async () => {
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Zitate im Thread',
			body: 'Der Ursprung',
			tags: []
		});
		const first = await ForumPost.findOne({ threadId: new Types.ObjectId(threadId) }).lean();
		const reply = await forum.replyToThread(other, threadId, {
			body: 'Genau so',
			quotedPostId: first!._id.toString()
		});
		const loaded = await forum.loadReadableThread(alumna, threadId);
		const view = await forum.viewThread(alumna, loaded.thread, loaded.category);
		expect(view.posts.find((p) => p.id === reply.id)?.quotedPostId).toBe(first!._id.toString());
		expect(view.quoted[first!._id.toString()]).toMatchObject({ number: 1, text: 'Der Ursprung' });
		const elsewhere = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Anderes Thema',
			body: 'Text',
			tags: []
		});
		await expect(
			forum.replyToThread(other, elsewhere.threadId, {
				body: 'Fremdes Zitat',
				quotedPostId: first!._id.toString()
			})
		).rejects.toMatchObject({ code: 'not_found' });
	});

	it('keeps the cached first page of a category current', async () => {
		const category = () => ForumCategory.findById(guests).lean() as never;
		const a = await forum.createThread(alumna, {
			categoryId: guests,
			title: 'Liste älter',
			body: 'a',
			tags: []
		});
		const b = await forum.createThread(alumna, {
			categoryId: guests,
			title: 'Liste neuer',
			body: 'b',
			tags: []
		});
		const first = await forum.listThreads(alumna, await category());
		expect(first.threads.slice(0, 2).map((t) => t.id)).toEqual([b.threadId, a.threadId]);
		await forum.replyToThread(other, a.threadId, { body: 'hoch damit' });
		const afterReply = await forum.listThreads(alumna, await category());
		expect(afterReply.threads[0]!.id).toBe(a.threadId);
		await forum.setThreadFlag(moderator, b.threadId, 'pinned', true);
		const afterPin = await forum.listThreads(alumna, await category());
		expect(afterPin.pinned.map((t) => t.id)).toEqual([b.threadId]);
	});

	it('tracks read positions and unread markers', async () => {
		const { threadId } = await forum.createThread(alumna, {
			categoryId: guests,
			title: 'Ungelesen markieren',
			body: 'Eins',
			tags: []
		});
		await forum.replyToThread(other, threadId, { body: 'Zwei' });
		const category = await ForumCategory.findById(guests).lean();
		const list = await forum.listThreads(alumna, category as never);
		const item = list.threads.find((t) => t.id === threadId)!;
		expect(item.firstUnread).toBe(2);
		const loaded = await forum.loadReadableThread(alumna, threadId);
		await forum.viewThread(alumna, loaded.thread, loaded.category);
		const after = await forum.listThreads(alumna, category as never);
		expect(after.threads.find((t) => t.id === threadId)!.firstUnread).toBeNull();
		// Supervisors read the guest category but not the general one.
		expect((await forum.listCategories(supervisor)).map((c) => c.slug)).toEqual(['transfer']);
		await expect(forum.loadReadableThread(supervisor, threadId)).resolves.toBeTruthy();
	});
});

describe('moderation', () => {
	it('moves, merges and splits threads with audit entries', async () => {
		const a = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Thema A',
			body: 'A1',
			tags: []
		});
		await forum.replyToThread(other, a.threadId, { body: 'A2' });
		await forum.replyToThread(other, a.threadId, { body: 'A3' });
		const b = await forum.createThread(other, {
			categoryId: general,
			title: 'Thema B',
			body: 'B1',
			tags: []
		});
		await expect(forum.moveThread(moderator, a.threadId, staffOnly)).rejects.toMatchObject({
			code: 'unknown_category'
		});
		await forum.moveThread(moderator, a.threadId, guests);
		expect((await ForumThread.findById(a.threadId).lean())?.categoryId.toString()).toBe(guests);
		await forum.mergeThreads(moderator, b.threadId, a.threadId);
		const merged = await ForumPost.find({ threadId: new Types.ObjectId(a.threadId) })
			.sort({ number: 1 })
			.lean();
		expect(merged.map((p) => p.text)).toEqual(['A1', 'A2', 'A3', 'B1']);
		expect(merged.map((p) => p.number)).toEqual([1, 2, 3, 4]);
		const moved = merged.slice(2).map((p) => p._id.toString());
		const split = await forum.splitThread(moderator, a.threadId, {
			postIds: moved,
			title: 'Abgespalten',
			categoryId: general
		});
		const splitPosts = await ForumPost.find({ threadId: new Types.ObjectId(split) })
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
		const reply = await forum.replyToThread(other, a.threadId, { body: 'A4' });
		expect(reply.number).toBe(3);
		const loaded = await forum.loadReadableThread(moderator, a.threadId);
		const view = await forum.viewThread(moderator, loaded.thread, loaded.category, 2);
		expect(view.posts.map((p) => p.number)).toEqual([2, 3]);
		expect(view.before).toBe(1);
		const actions = (await AuditEntry.find({ action: /^forum\.thread/ }).lean()).map(
			(e) => e.action
		);
		expect(actions).toEqual(
			expect.arrayContaining(['forum.thread.move', 'forum.thread.merge', 'forum.thread.split'])
		);
	});

	it('hides posts with a reason and handles reports', async () => {
		const t = await forum.createThread(alumna, {
			categoryId: general,
			title: 'Meldungen',
			body: 'Inhalt',
			tags: []
		});
		const reply = await forum.replyToThread(other, t.threadId, { body: 'Unpassend' });
		await forum.reportPost(alumna, reply.id, 'Spam');
		await expect(forum.reportPost(alumna, reply.id, 'Nochmal')).rejects.toMatchObject({
			code: 'already_reported'
		});
		const queue = await forum.listOpenReports(moderator, null);
		expect(queue.items.map((r) => r.reason)).toContain('Spam');
		await forum.setPostHidden(moderator, reply.id, true, 'Werbung');
		const { thread, category } = await forum.loadReadableThread(alumna, t.threadId);
		const view = await forum.viewThread(alumna, thread, category);
		const hidden = view.posts.find((p) => p.id === reply.id)!;
		expect(hidden.hidden).toBe(true);
		expect(hidden.html).toBe('');
		await forum.closeReport(
			moderator,
			queue.items.find((r) => r.reason === 'Spam')!.id,
			'resolved'
		);
		expect((await forum.listOpenReports(moderator, null)).items.map((r) => r.reason)).not.toContain(
			'Spam'
		);
	});
});

describe('search', () => {
	it('finds by folded, stemmed terms and prefix, respecting read rules, with highlights', async () => {
		await forum.createThread(alumna, {
			categoryId: general,
			title: 'Förderanträge für Sensorik',
			body: 'Wir haben die Fördermittel für **Datenplattformen** beantragt.',
			tags: []
		});
		const result = await forum.search(alumna, 'foerderantrag');
		expect(result.hits.length).toBeGreaterThan(0);
		expect(result.hits[0]!.threadTitle.some((s) => s.hit && s.text === 'Förderanträge')).toBe(true);
		const prefix = await forum.search(alumna, 'Datenplatt');
		expect(prefix.hits[0]!.snippet.find((s) => s.hit)?.text).toBe('Datenplattformen');
		expect((await forum.search(supervisor, 'Fördermittel')).hits).toEqual([]);
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
		const { threadId } = await forum.createThread(alumna, {
			categoryId: general,
			title: 'XSS-Korpus',
			body: corpus[0]!,
			tags: []
		});
		for (const payload of corpus.slice(1))
			await forum.replyToThread(alumna, threadId, { body: payload });
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
