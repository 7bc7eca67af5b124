import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { databaseUri } from '../../../../tests/support/db';
import { valueOf } from '../../../../tests/support/result';
import type { Actor } from '../auth/permissions';
import { ForumCategory, ForumPost, ForumThread, ForumThreadState, Member } from '../db/models';
import { resetSequenceCache } from '../db/sequence';
import * as forum from '.';

/**
 * The category lists come from the threads' order kept in memory (thread-order.ts): paging
 * must give every visible thread once, in the database's order, and every write must move the
 * thread at once for the writer.
 */
beforeAll(async () => {
	await mongoose.connect(databaseUri(`thread_order_${process.pid}_${Date.now().toString(36)}`));
	await Promise.all(
		[ForumCategory, ForumPost, ForumThread, ForumThreadState, Member].map((m) => m.init())
	);
	resetSequenceCache();
});
afterAll(async () => {
	await mongoose.connection.dropDatabase().catch(() => undefined);
	await mongoose.disconnect();
});

const roles = ['alumni', 'moderator', 'organiser'] as const;

async function actor(handle: string, memberRoles: Actor['roles']): Promise<Actor> {
	const doc = await Member.create({
		email: `${handle}@test.example`,
		displayName: handle,
		handle,
		sortName: handle,
		passwordHash: 'x',
		roles: memberRoles
	});
	return { id: doc._id.toString(), roles: memberRoles, cohortIds: [] };
}

async function category(slug: string) {
	const doc = await ForumCategory.create({ name: slug, slug, readRoles: roles, postRoles: roles });
	return doc._id;
}

/** Every page of a category's list, following the cursors: titles of pinned and other threads. */
async function allPages(reader: Actor, slug: string, tag?: string) {
	const pinned: string[] = [];
	const threads: string[] = [];
	let cursor: string | undefined;
	do {
		const page = valueOf(await forum.categoryPage(reader, { slug, tag, cursor })).threads;
		pinned.push(...page.pinned.map((t) => t.title));
		threads.push(...page.threads.map((t) => t.title));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return { pinned, threads };
}

/** The same list as the database sorts it. */
async function databaseOrder(categoryId: Types.ObjectId, filter: Record<string, unknown> = {}) {
	const rows = await ForumThread.find({ categoryId, hidden: false, pinned: false, ...filter })
		.sort({ lastPostAt: -1, _id: -1 })
		.lean();
	return rows.map((t) => t.title);
}

describe('threads in list order', () => {
	let reader: Actor;
	let moderator: Actor;

	beforeAll(async () => {
		reader = await actor('reader', ['alumni']);
		moderator = await actor('moderator', ['moderator', 'alumni']);
	});

	it('pages through every visible thread once, in the database order, ties by id', async () => {
		const categoryId = await category('viele');
		const authorId = new Types.ObjectId(reader.id);
		const base = Date.now() - 3_600_000;
		// 80 threads, every fourth sharing its time with the one before; some pinned, hidden, tagged.
		await ForumThread.insertMany(
			Array.from({ length: 80 }, (_, i) => ({
				categoryId,
				title: `Thema ${i}`,
				slug: `thema-${i}`,
				authorId,
				lastPostAt: new Date(base + (i - (i % 4 === 1 ? 1 : 0)) * 1000),
				pinned: i % 23 === 0,
				hidden: i % 17 === 5,
				tags: i % 3 === 0 ? ['foerderung'] : []
			}))
		);
		const listed = await allPages(reader, 'viele');
		expect(listed.threads).toEqual(await databaseOrder(categoryId));
		expect(listed.threads.length).toBeGreaterThan(2 * 25);
		expect(listed.pinned).toEqual(['Thema 69', 'Thema 46', 'Thema 23', 'Thema 0']);
		const tagged = await allPages(reader, 'viele', 'foerderung');
		expect(tagged.threads).toEqual(await databaseOrder(categoryId, { tags: 'foerderung' }));
		expect(tagged.threads.length).toBeGreaterThan(0);
	});

	it('moves a thread at once after a reply, a pin, a move and a merge, and counts from it', async () => {
		const from = await category('von');
		const to = await category('nach');
		const create = async (title: string, categoryId: Types.ObjectId) =>
			valueOf(
				await forum.createThread(reader, {
					categoryId: categoryId.toString(),
					title,
					body: `${title}: Text`,
					tags: []
				})
			).threadId;
		const first = await create('Erstes', from);
		const second = await create('Zweites', from);
		const third = await create('Drittes', from);
		expect((await allPages(reader, 'von')).threads).toEqual(['Drittes', 'Zweites', 'Erstes']);

		valueOf(await forum.replyToThread(reader, { threadId: first, body: 'Nach oben' }));
		expect((await allPages(reader, 'von')).threads).toEqual(['Erstes', 'Drittes', 'Zweites']);

		valueOf(await forum.setThreadFlag(moderator, { threadId: third, flag: 'pinned', value: true }));
		expect(await allPages(reader, 'von')).toEqual({
			pinned: ['Drittes'],
			threads: ['Erstes', 'Zweites']
		});

		valueOf(await forum.moveThread(moderator, { threadId: second, categoryId: to.toString() }));
		expect((await allPages(reader, 'von')).threads).toEqual(['Erstes']);
		expect((await allPages(reader, 'nach')).threads).toEqual(['Zweites']);

		valueOf(await forum.mergeThreads(moderator, { sourceId: first, targetId: third }));
		expect(await allPages(reader, 'von')).toEqual({ pinned: ['Drittes'], threads: [] });

		const counted = async (id: Types.ObjectId) => ForumCategory.findById(id).lean();
		expect(await counted(from)).toMatchObject({ threadCount: 1, lastThreadTitle: 'Drittes' });
		expect(await counted(to)).toMatchObject({ threadCount: 1, lastThreadTitle: 'Zweites' });
		// The start page's newest threads follow the same order across categories.
		const recent = await forum.recentThreads(reader, 8);
		expect(recent.map((t) => t.title).slice(0, 2)).toEqual(['Drittes', 'Zweites']);
	});
});
