import type { ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login, postForm, type RunningApp } from '../support/app';
import { databaseUri } from '../support/db';
import { memberIdOf, setRoles } from '../support/members';
import { startRedis, startTwoInstances } from '../support/redis';

/**
 * Two instances with their read caches joined by Redis: a write on the first is seen on the
 * second within a second, and a member who lost access is served nothing from the cache.
 */
describe('read caches of two instances joined by Redis', () => {
	let redis: ChildProcess;
	let first: RunningApp;
	let second: RunningApp;
	let uri: string;
	let threadId: string;
	let threadTitle: string;
	let admin: string;
	const withinASecond = { timeout: 1000, interval: 50 };

	beforeAll(async () => {
		const started = await startRedis();
		redis = started.process;
		uri = databaseUri(`cacheredis_${Date.now()}`);
		[first, second] = await startTwoInstances(
			{ MONGODB_URI: uri, REDIS_URL: started.url },
			'Cache invalidations connected to Redis'
		);
		const conn = await mongoose.createConnection(uri).asPromise();
		const category = await conn.db!.collection('forumcategories').findOne({
			slug: 'organisatorische-aufstellung'
		});
		const thread = await conn.db!.collection('forumthreads').findOne({ categoryId: category!._id });
		await conn.close();
		threadId = String(thread!._id);
		threadTitle = String(thread!.title);
		admin = await login(first, 'admin@netzwerk.example', demoPassword);
	});
	afterAll(async () => {
		await first?.stop();
		await second?.stop();
		redis?.kill('SIGTERM');
	});

	const page = async (app: RunningApp, path: string, cookie: string) => {
		const res = await fetch(app.url + path, { headers: { cookie }, redirect: 'manual' });
		return { status: res.status, text: await res.text(), location: res.headers.get('location') };
	};
	const member = (app: RunningApp, name: string) =>
		login(app, `${name}@netzwerk.example`, demoPassword);

	it('shows a new reply on the other instance within a second, and to its author at once', async () => {
		const reader = await member(second, 'jonas.becker');
		const author = await member(first, 'anna.schulze');
		const threadPath = `/forum/t/${threadId}`;
		expect((await page(second, threadPath, reader)).status).toBe(200); // now cached there
		const body = `Antwort über zwei Instanzen ${Date.now()}`;
		const sent = await postForm(first, `${threadPath}?/reply`, { body }, { cookie: author });
		expect(sent.status).toBe(303);
		const postPath = sent.headers.get('location')!;
		expect((await page(first, postPath, author)).text).toContain(body);
		await expect
			.poll(async () => (await page(second, postPath, reader)).text, withinASecond)
			.toContain(body);
		// The start page's list of new threads on the other instance follows too.
		await expect
			.poll(async () => (await page(second, '/', reader)).text, withinASecond)
			.toContain(threadTitle);
	});

	it('lists a new and a moved thread on the other instance within a second', async () => {
		const reader = await member(second, 'jonas.becker');
		const author = await member(first, 'anna.schulze');
		const moderator = await member(first, 'moderation');
		const [from, to] = ['organisatorische-aufstellung', 'aufgabenspektrum'];
		const listed = async (app: RunningApp, slug: string, cookie: string) =>
			(await page(app, `/forum/c/${slug}`, cookie)).text;
		for (const slug of [from, to]) await listed(second, slug, reader); // the lists are loaded there
		const title = `Neues Thema über zwei Instanzen ${Date.now()}`;
		const created = await postForm(
			first,
			'/forum/new?/create',
			{ categoryId: await categoryIdOf(from), title, body: 'Wie ist das bei euch geregelt?' },
			{ cookie: author }
		);
		expect(created.status).toBe(303);
		expect(await listed(first, from, author)).toContain(title);
		await expect.poll(() => listed(second, from, reader), withinASecond).toContain(title);
		const moved = await postForm(
			first,
			`${created.headers.get('location')!}?/move`,
			{ categoryId: await categoryIdOf(to) },
			{ cookie: moderator }
		);
		expect(moved.status).toBe(303);
		await expect.poll(() => listed(second, to, reader), withinASecond).toContain(title);
		expect(await listed(second, from, reader)).not.toContain(title);
	});

	it('hides a deleted post on the other instance within a second', async () => {
		const reader = await member(second, 'stefan.braun');
		const author = await member(first, 'nadine.zimmermann');
		const moderator = await member(first, 'moderation');
		const body = `Gleich entfernt ${Date.now()}`;
		const sent = await postForm(first, `/forum/t/${threadId}?/reply`, { body }, { cookie: author });
		const postPath = sent.headers.get('location')!;
		await expect
			.poll(async () => (await page(second, postPath, reader)).text, withinASecond)
			.toContain(body);
		const postId = await newestPostId(threadId);
		const hidden = await postForm(
			first,
			`/forum/t/${threadId}?/hide`,
			{ postId, reason: 'Doppelt' },
			{ cookie: moderator }
		);
		expect(hidden.status).toBe(303);
		await expect
			.poll(async () => (await page(second, postPath, reader)).text, withinASecond)
			.not.toContain(body);
	});

	it('applies a role change on the other instance, and a member who lost access gets nothing stale', async () => {
		const name = 'katrin.hoffmann';
		const cookie = await member(second, name);
		const threadPath = `/forum/t/${threadId}`;
		const categoryPath = '/forum/c/organisatorische-aufstellung';
		for (const path of [threadPath, categoryPath, '/forum'])
			expect((await page(second, path, cookie)).status).toBe(200); // cached on the second
		// As a supervisor (a guest) she may no longer read the general category.
		await setRoles(first, admin, await memberIdOf(uri, `${name}@netzwerk.example`), ['supervisor']);
		// The admin's answer waits for every instance: refused at once, not only within a second.
		expect((await page(second, threadPath, cookie)).status).toBe(404);
		expect((await page(second, categoryPath, cookie)).status).toBe(404);
		const index = await page(second, '/forum', cookie);
		expect(index.status).toBe(200);
		expect(index.text).not.toContain(categoryPath);
		expect((await page(second, '/', cookie)).text).not.toContain(threadTitle);
	});

	it('ends a session logged out on one instance on the other within a second', async () => {
		const cookie = await member(first, 'daniel.fuchs');
		expect((await page(second, '/settings', cookie)).status).toBe(200); // cached on the second
		const out = await postForm(first, '/logout', {}, { cookie });
		expect(out.status).toBe(303);
		await expect
			.poll(async () => (await page(second, '/settings', cookie)).location, withinASecond)
			.toMatch(/^\/login/);
	});

	it('ends every session of a deleted account on the other instance within a second', async () => {
		const name = 'miriam.krueger';
		const onFirst = await member(first, name);
		const onSecond = await member(second, name);
		expect((await page(second, '/settings', onSecond)).status).toBe(200);
		const deleted = await postForm(
			first,
			'/settings?/deleteAccount',
			{ deletePassword: demoPassword },
			{ cookie: onFirst }
		);
		expect(deleted.status).toBe(303);
		await expect
			.poll(async () => (await page(second, '/settings', onSecond)).location, withinASecond)
			.toMatch(/^\/login/);
	});

	it('counts a new notification on the other instance within a second, and reading it too', async () => {
		const reader = await member(second, 'tobias.lehmann');
		const author = await member(first, 'sabine.wolff');
		const badge = async (app: RunningApp) =>
			/data-unread="(\d+)"/.exec((await page(app, '/settings', reader)).text)?.[1];
		const before = Number(await badge(second)); // now cached there
		const body = `Frage an @tobias.lehmann ${Date.now()}`;
		const sent = await postForm(first, `/forum/t/${threadId}?/reply`, { body }, { cookie: author });
		expect(sent.status).toBe(303);
		await expect.poll(() => badge(second), withinASecond).toBe(String(before + 1));
		await postForm(first, '/notifications?/readAll', {}, { cookie: reader });
		expect(await badge(first)).toBe('0'); // the reader's own instance at once
		await expect.poll(() => badge(second), withinASecond).toBe('0');
	});

	it('shows hit rates and sizes to admins only', async () => {
		const metrics = await page(second, '/admin/metrics.json', await member(second, 'admin'));
		expect(metrics.status).toBe(200);
		const { caches } = JSON.parse(metrics.text) as {
			caches: { enabled: boolean; caches: { name: string; hits: number; bytes: number }[] };
		};
		// `CACHE=off npm test`: the caches say so and hold nothing.
		expect(caches.enabled).toBe(process.env.CACHE !== 'off');
		const sessions = caches.caches.find((c) => c.name === 'sessions');
		expect(sessions!.hits + sessions!.bytes > 0).toBe(caches.enabled);
		const alumna = await member(second, 'jonas.becker');
		expect((await page(second, '/admin/metrics.json', alumna)).status).toBe(403);
	});

	async function categoryIdOf(slug: string): Promise<string> {
		const conn = await mongoose.createConnection(uri).asPromise();
		try {
			return String((await conn.db!.collection('forumcategories').findOne({ slug }))!._id);
		} finally {
			await conn.close();
		}
	}

	async function newestPostId(thread: string): Promise<string> {
		const conn = await mongoose.createConnection(uri).asPromise();
		try {
			const post = await conn
				.db!.collection('forumposts')
				.find({ threadId: new mongoose.Types.ObjectId(thread) })
				.sort({ number: -1 })
				.limit(1)
				.next();
			return String(post!._id);
		} finally {
			await conn.close();
		}
	}
});
