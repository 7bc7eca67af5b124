import mongoose, { Types, trusted } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUri } from '../../../../tests/support/db';
import { valueOf } from '../../../../tests/support/result';
import type { Actor } from '../auth/permissions';
import * as chat from '../chat';
import {
	Channel,
	ChannelRead,
	ForumCategory,
	ForumPost,
	ForumThread,
	ForumThreadState,
	Member,
	Message,
	Notification,
	SearchChange
} from '../db/models';
import { resetSequenceCache } from '../db/sequence';
import * as forum from '../forum';
import { termsOf } from '../forum/terms';
import * as search from '.';
import { current } from './sync';

// Own connection, as in the forum and chat specs (the channel model's index is refused by
// useTestDatabase's index build on the embedded database).
beforeAll(async () => {
	await mongoose.connect(databaseUri(`search_${process.pid}_${Date.now().toString(36)}`));
	await Promise.all(
		[ForumCategory, ForumPost, ForumThread, ForumThreadState, Member, Notification, Message].map(
			(m) => m.init()
		)
	);
	await ChannelRead.init();
	resetSequenceCache();
	anna = await member('anna.sucher', 'Anna Sucher', ['alumni'], [cohort]);
	paul = await member('paul.ander', 'Paul Ander', ['alumni'], [otherCohort]);
	admin = await member('ada.admin', 'Ada Admin', ['admin', 'alumni'], []);
	guest = await member('gustav.gast', 'Gustav Gast', ['supervisor'], []);
	open = await category('Datenstrategie und Plattformen', 'offen', ['alumni', 'admin']);
	staff = await category('Vorstand', 'vorstand', ['admin']);
	await search.rebuild(() => undefined);
});
afterAll(async () => {
	await search.stopSearchIndex();
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
});

const cohort = new Types.ObjectId().toString();
const otherCohort = new Types.ObjectId().toString();
let anna: Actor & { displayName: string };
let paul: Actor & { displayName: string };
let admin: Actor & { displayName: string };
let guest: Actor & { displayName: string };
let open: string;
let staff: string;

async function member(handle: string, name: string, roles: Actor['roles'], cohortIds: string[]) {
	const doc = await Member.create({
		email: `${handle}@test.example`,
		displayName: name,
		handle,
		sortName: name.toLowerCase(),
		passwordHash: 'x',
		roles,
		cohortIds
	});
	return { id: doc._id.toString(), roles, cohortIds, displayName: name };
}

async function category(name: string, slug: string, roles: Actor['roles']) {
	const doc = await ForumCategory.create({ name, slug, readRoles: roles, postRoles: roles });
	return doc._id.toString();
}

const newThread = async (actor: Actor, categoryId: string, title: string, body: string) =>
	valueOf(await forum.createThread(actor, { categoryId, title, body, tags: [] })).threadId;

/** Everything the page would show for a query, as text: hits, counts and snippets alike. */
const shown = (result: search.SearchResults) => JSON.stringify(result);

describe('search', () => {
	it('finds posts and titles by folded, stemmed terms and the prefix of the last word', async () => {
		const threadId = await newThread(
			anna,
			open,
			'Förderanträge für Sensorik',
			'Wir haben die Fördermittel für **Datenplattformen** beantragt.'
		);
		const stemmed = await search.search(anna, { q: 'foerderantrag' });
		expect(stemmed.posts!.hits[0]!.threadTitle).toContainEqual({
			text: 'Förderanträge',
			hit: true
		});
		expect(stemmed.threads!.hits.map((t) => t.id)).toEqual([threadId]);
		const prefix = await search.search(anna, { q: 'Datenplatt', kind: 'posts' });
		expect(prefix.posts!.hits[0]!.snippet.find((s) => s.hit)?.text).toBe('Datenplattformen');
		// A complete word must match exactly: "Datenplatt " is no word of the post.
		expect((await search.search(anna, { q: 'Datenplatt ', kind: 'posts' })).posts!.hits).toEqual(
			[]
		);
	});

	it('never shows a post the member may not see: not as a hit, a count or a snippet', async () => {
		await newThread(admin, staff, 'Haushaltsgeheimnis', 'Der Geheimplan liegt im Vorstand.');
		const visible = await newThread(anna, open, 'Offener Plan', 'Der Geheimplan wird öffentlich.');
		const replied = valueOf(
			await forum.replyToThread(paul, { threadId: visible, body: 'Geheimplan Spamtext' })
		);
		const moderator = { ...admin };
		valueOf(await forum.setPostHidden(moderator, { postId: replied.id, hidden: true }));

		const result = await search.search(anna, { q: 'Geheimplan' });
		expect(result.posts!.hits.map((h) => h.threadId)).toEqual([visible]);
		expect(shown(result)).not.toMatch(/Vorstand|Haushaltsgeheimnis|Spamtext/);
		expect(result.categories!.hits.map((c) => c.slug)).not.toContain('vorstand');
		// The same query as an admin finds the staff thread: the filter above is what hid it.
		const asAdmin = await search.search(admin, { q: 'Geheimplan' });
		expect(shown(asAdmin)).toMatch(/Haushaltsgeheimnis/);
		expect(shown(asAdmin)).not.toMatch(/Spamtext/);
	});

	it('drops a stale index entry whose post was hidden behind its back', async () => {
		const threadId = await newThread(anna, open, 'Stille Änderung', 'Quartiersbudget im Entwurf.');
		// Another process hid the post without telling this index.
		await ForumPost.updateOne({ threadId: new Types.ObjectId(threadId) }, { hidden: true });
		expect(shown(await search.search(anna, { q: 'Quartiersbudget' }))).not.toMatch(/Entwurf/);
	});

	it('finds a new or edited post at once and loses a hidden thread', async () => {
		const threadId = await newThread(anna, open, 'Laternen', 'Straßenbeleuchtung mit Sensoren.');
		expect((await search.search(anna, { q: 'Straßenbeleuchtung' })).posts!.hits).toHaveLength(1);
		const first = (await ForumThread.findById(threadId).lean())!.postIds[0]!.toString();
		valueOf(await forum.editPost(anna, { postId: first, body: 'Jetzt Parkraumsensoren.' }));
		expect((await search.search(anna, { q: 'Straßenbeleuchtung' })).posts!.hits).toEqual([]);
		expect((await search.search(anna, { q: 'Parkraumsensor' })).posts!.hits).toHaveLength(1);
		const target = await newThread(anna, open, 'Sammelthema', 'Alles zu Laternen.');
		valueOf(await forum.mergeThreads(admin, { sourceId: threadId, targetId: target }));
		const merged = await search.search(anna, { q: 'Parkraumsensor' });
		expect(merged.posts!.hits.map((h) => h.threadId)).toEqual([target]);
		expect(merged.threads!.hits.map((t) => t.id)).not.toContain(threadId);
	});

	it('catches up within a second with what another instance wrote', async () => {
		const threadId = await newThread(anna, open, 'Zweite Instanz', 'Noch nichts Besonderes.');
		const postId = (await ForumThread.findById(threadId).lean())!.postIds[0]!;
		// As another instance would: change the record, note it in the change log, nothing else.
		await ForumPost.updateOne(
			{ _id: postId },
			{ text: 'Wärmepumpenkataster', terms: termsOf('Wärmepumpenkataster') }
		);
		await SearchChange.create({ kind: 'post', refs: [postId] });
		await expect
			.poll(async () => (await search.search(anna, { q: 'Wärmepumpenkataster' })).posts!.hits, {
				timeout: 1000,
				interval: 100
			})
			.toHaveLength(1);
	});

	it('finds chat messages of readable channels only, and forgets deleted ones', async () => {
		const channel = await Channel.create({
			kind: 'cohort',
			name: 'Durchgang Lemgo',
			slug: 'lemgo',
			cohortId: cohort
		});
		const channelId = channel._id.toString();
		const sent = await chat.sendMessage(anna, {
			channelId,
			clientId: new Types.ObjectId().toString(),
			body: 'Unsere **Datenstrategie** für Lemgo steht.'
		});
		const mine = await search.search(anna, { q: 'Datenstrategie', kind: 'messages' });
		expect(mine.messages!.hits).toMatchObject([{ channelSlug: 'lemgo', seq: sent.message.seq }]);
		expect((await search.search(paul, { q: 'Datenstrategie' })).messages!.hits).toEqual([]);
		await chat.deleteMessage(anna, { channelId, seq: sent.message.seq });
		expect((await search.search(anna, { q: 'Datenstrategie' })).messages!.hits).toEqual([]);
	});

	it('notes a burst of chat messages for the other instances in one change entry', async () => {
		const channel = await Channel.create({
			kind: 'cohort',
			name: 'Durchgang Cottbus',
			slug: 'cottbus',
			cohortId: cohort
		});
		const since = new Types.ObjectId();
		const sent = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				chat.sendMessage(anna, {
					channelId: channel._id.toString(),
					clientId: new Types.ObjectId().toString(),
					body: `Nachricht ${i} zur Ladesäulenplanung`
				})
			)
		);
		const entries = async () =>
			SearchChange.find({ _id: trusted({ $gt: since }), kind: 'message' }).lean();
		await expect
			.poll(async () => (await entries()).flatMap((e) => e.refs.map(String)), {
				timeout: 2000,
				interval: 100
			})
			.toEqual(expect.arrayContaining(sent.map((r) => r.message.id)));
		expect((await entries()).length).toBeLessThanOrEqual(2);
	});

	it('finds categories and members, members only for those who may see the directory', async () => {
		const result = await search.search(anna, { q: 'Datenstrat' });
		expect(result.categories!.hits.map((c) => c.slug)).toEqual(['offen']);
		expect((await search.search(anna, { q: 'Sucher' })).members!.hits).toMatchObject([
			{ handle: 'anna.sucher' }
		]);
		expect((await search.search(guest, { q: 'Sucher' })).members).toBeNull();
	});

	it('narrows by kind, author and period, and pages by cursor', async () => {
		const threadId = await newThread(paul, open, 'Radwege', 'Radverkehr eins.');
		for (const n of ['zwei', 'drei']) {
			valueOf(await forum.replyToThread(paul, { threadId, body: `Radverkehr ${n}.` }));
		}
		const byPaul = await search.search(anna, { q: 'Radverkehr', kind: 'posts', author: 'Ander' });
		expect(byPaul.posts!.hits).toHaveLength(3);
		expect(byPaul.threads).toBeNull();
		expect(
			(await search.search(anna, { q: 'Radverkehr', kind: 'posts', author: 'Sucher' })).posts!.hits
		).toEqual([]);
		expect(
			(await search.search(anna, { q: 'Radverkehr', period: 'day' })).posts!.hits
		).toHaveLength(3);
		const overview = await search.search(anna, { q: 'Radverkehr' });
		expect(overview.posts!.hits.map((h) => h.number)).toEqual([3, 2, 1]);
		expect(overview.posts!.nextCursor).toBeNull();
	});

	it('rebuilds newest first from rows stored in any order, without hidden posts or threads', async () => {
		const [older, newer, hiddenPost, inHiddenThread] = [1, 2, 3, 4].map(() => new Types.ObjectId());
		const visibleThread = new Types.ObjectId();
		const hiddenThread = new Types.ObjectId();
		const thread = (id: Types.ObjectId, hidden: boolean, postIds: Types.ObjectId[]) => ({
			_id: id,
			categoryId: new Types.ObjectId(open),
			title: 'Import Zisternen',
			hidden,
			authorId: new Types.ObjectId(anna.id),
			postIds
		});
		await ForumThread.collection.insertMany([
			thread(visibleThread, false, [older!, newer!, hiddenPost!]),
			thread(hiddenThread, true, [inHiddenThread!])
		]);
		const post = (id: Types.ObjectId, threadId: Types.ObjectId, hidden: boolean, n: number) => ({
			_id: id,
			threadId,
			categoryId: new Types.ObjectId(open),
			number: n,
			authorId: new Types.ObjectId(anna.id),
			text: `Zisternenpegel ${n}`,
			terms: termsOf(`Zisternenpegel ${n}`),
			hidden,
			threadHidden: false,
			createdAt: new Date()
		});
		// The newest first: the index must not rely on the order the database returns rows in.
		await ForumPost.collection.insertMany([
			post(inHiddenThread!, hiddenThread, false, 1),
			post(hiddenPost!, visibleThread, true, 3),
			post(newer!, visibleThread, false, 2),
			post(older!, visibleThread, false, 1)
		]);
		await search.rebuild(() => undefined);
		const { indexes } = current();
		expect(indexes.post.get(hiddenPost!.toString())).toBeNull();
		expect(indexes.post.get(inHiddenThread!.toString())).toBeNull();
		expect(indexes.thread.get(hiddenThread.toString())).toBeNull();
		const found = await search.search(anna, { q: 'Zisternenpegel', kind: 'posts' });
		expect(found.posts!.hits.map((h) => h.id)).toEqual([newer!.toString(), older!.toString()]);
	});

	it('rebuilds from the database alone, also records a bulk seed wrote without timestamps', async () => {
		const before = await search.search(anna, { q: 'Geheimplan' });
		const threadId = new Types.ObjectId();
		await ForumThread.collection.insertOne({
			_id: threadId,
			categoryId: new Types.ObjectId(open),
			title: 'Massenimport Kläranlage',
			hidden: false,
			authorId: new Types.ObjectId(anna.id),
			postIds: []
		});
		await search.rebuild(() => undefined);
		expect(await search.search(anna, { q: 'Geheimplan' })).toEqual(before);
		const seeded = await search.search(anna, { q: 'Kläranlage', kind: 'threads' });
		expect(seeded.threads!.hits.map((t) => t.id)).toEqual([threadId.toString()]);
	});
});
