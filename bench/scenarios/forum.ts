// A large forum (10,000 threads, 200,000 posts by default) seeded straight into the database
// with pre-rendered HTML, then autocannon against the production server: the category thread
// list, a thread page with 20 posts, the last page of a 500-post thread and search, at 10 and
// 50 connections, each beside the same bytes from the bare server. Prints BENCH lines; never
// asserts.
import { Types } from 'mongoose';
import { ForumCategory, ForumPost, ForumThread } from '../../src/lib/server/db/models';
import { renderMarkdown } from '../../src/lib/server/markdown';
import { termsOf } from '../../src/lib/server/forum/terms';
import { formatBesideBare, loadBesideBare } from '../load';
import { benchMembers, sampleRss, startBenchApp, type BenchApp } from '../support';

const threadCount = Number(process.env.BENCH_FORUM_THREADS ?? 10_000);
const postCount = Number(process.env.BENCH_FORUM_POSTS ?? 200_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const runs = Number(process.env.BENCH_RUNS ?? 1);
/** e.g. BENCH_FORUM_PAGES=thread20,category: only these pages (default: all). */
const pages = process.env.BENCH_FORUM_PAGES?.split(',');

const vocabulary = (() => {
	const stems = [
		'daten',
		'plattform',
		'strategie',
		'förder',
		'verwaltung',
		'stadt',
		'sensor',
		'bürger',
		'beteiligung',
		'projekt',
		'netz',
		'mobilität',
		'energie',
		'quartier',
		'haushalt',
		'amt',
		'team',
		'agil',
		'kanban',
		'steuerung',
		'digital',
		'open',
		'park',
		'licht',
		'wasser',
		'schule',
		'portal',
		'karte',
		'zähler',
		'verkehr'
	];
	const endings = [
		'',
		'mittel',
		'antrag',
		'konzept',
		'gruppe',
		'dienst',
		'raum',
		'modell',
		'bericht',
		'system',
		'plan',
		'runde',
		'werk',
		'stelle',
		'prozess',
		'analyse',
		'labor',
		'kosten',
		'pilot',
		'nutzung'
	];
	return stems.flatMap((s) => endings.map((e) => s + e));
})();

function sentence(seed: number, words = 40): string {
	const out: string[] = [];
	let x = seed;
	for (let i = 0; i < words; i++) {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		out.push(vocabulary[x % vocabulary.length]!);
	}
	return out.join(' ');
}

export async function seedForum(authorId: Types.ObjectId) {
	const category = await ForumCategory.create({
		name: 'Benchmark',
		slug: 'benchmark',
		readRoles: ['alumni', 'moderator', 'organiser'],
		postRoles: ['alumni', 'moderator', 'organiser']
	});
	const started = performance.now();
	const now = Date.now();
	const bigThreadPosts = 500;
	const perThread = Math.max(
		1,
		Math.floor((postCount - bigThreadPosts) / Math.max(1, threadCount - 1))
	);
	const threads = Array.from({ length: threadCount }, (_, i) => {
		// The remainder is spread over the first threads, so the total is exactly postCount.
		const extra = i > 0 && i <= (postCount - bigThreadPosts) % Math.max(1, threadCount - 1) ? 1 : 0;
		const posts = i === 0 ? bigThreadPosts : perThread + extra;
		return {
			_id: new Types.ObjectId(),
			categoryId: category._id,
			title: `Thema ${i}: ${sentence(i, 6)}`,
			slug: `thema-${i}`,
			authorId,
			postCount: posts,
			lastNumber: posts,
			lastPostAt: new Date(now - i * 60_000),
			lastPostAuthorId: authorId,
			participantIds: [authorId],
			tags: [],
			pinned: false,
			locked: false,
			hidden: false,
			postIds: Array.from({ length: posts }, () => new Types.ObjectId())
		};
	});
	for (let i = 0; i < threads.length; i += 1000)
		await ForumThread.insertMany(threads.slice(i, i + 1000), { ordered: false, lean: true });
	let inserted = 0;
	let batch: Record<string, unknown>[] = [];
	const flush = async () => {
		if (batch.length === 0) return;
		await ForumPost.insertMany(batch, { ordered: false, lean: true });
		inserted += batch.length;
		batch = [];
	};
	for (const [t, thread] of threads.entries()) {
		for (let n = 1; n <= thread.postCount && inserted + batch.length < postCount; n++) {
			const source = `**Beitrag ${n}** zu ${sentence(t * 1000 + n, 40)}`;
			batch.push({
				_id: thread.postIds[n - 1],
				threadId: thread._id,
				hidden: false,
				threadHidden: false,
				quotedPostId: null,
				editCount: 0,
				editedAt: null,
				categoryId: category._id,
				number: n,
				authorId,
				source,
				html: renderMarkdown(source),
				text: source.replace(/\*/g, ''),
				terms: termsOf(n === 1 ? `${thread.title} ${source}` : source),
				createdAt: new Date(thread.lastPostAt.getTime() - (thread.postCount - n) * 1000)
			});
			if (batch.length >= 2000) await flush();
		}
	}
	await flush();
	await ForumCategory.updateOne({ _id: category._id }, { $set: { threadCount } });
	return {
		bigThread: threads[0]!._id.toString(),
		normalThread: threads[1]!._id.toString(),
		seconds: (performance.now() - started) / 1000,
		posts: inserted
	};
}

const slowMs = Number(process.env.BENCH_SLOW_MS ?? 3000);
const probeLimitMs = Number(process.env.BENCH_PROBE_LIMIT_MS ?? 120_000);

async function probe(url: string, cookie: string) {
	const started = performance.now();
	try {
		const res = await fetch(url, {
			headers: { cookie },
			signal: AbortSignal.timeout(probeLimitMs)
		});
		await res.text();
		return { ms: performance.now() - started, status: String(res.status) };
	} catch {
		return { ms: performance.now() - started, status: 'timeout' };
	}
}

/**
 * The seed wrote straight into the database: restart the server on it, as after a restore, so
 * that its caches, the threads' order and the search index start from the data. Wait until the
 * search page says the index is complete, and report the time (start included) and the memory
 * it took (the index lives in memory only, so it takes no disk).
 */
async function restartedOnSeed(app: BenchApp, cookie: string): Promise<string> {
	const rssBefore = await sampleRss(app.pid);
	const started = performance.now();
	await app.restart();
	for (;;) {
		const page = await fetch(`${app.url}/search?q=beitrag`, { headers: { cookie } });
		if (!(await page.text()).includes('data-search-index="building"')) break;
		if (performance.now() - started > 20 * 60_000) return 'timeout=20min';
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	const rssAfter = await sampleRss(app.pid);
	return `seconds=${((performance.now() - started) / 1000).toFixed(1)} rssBeforeMB=${rssBefore.toFixed(0)} rssAfterMB=${rssAfter.toFixed(0)} indexMB~${(rssAfter - rssBefore).toFixed(0)} diskMB=0`;
}

export async function run() {
	const app = await startBenchApp();
	try {
		const [viewer] = await benchMembers(1);
		const seeded = await seedForum(new Types.ObjectId(viewer!.memberId));
		console.log(
			`BENCH forum-seed threads=${threadCount} posts=${seeded.posts} seconds=${seeded.seconds.toFixed(1)} postsPerSecond=${(seeded.posts / seeded.seconds).toFixed(0)}`
		);
		console.log(`BENCH forum-search-index ${await restartedOnSeed(app, viewer!.cookie)}`);
		const targets: [string, string][] = [
			['thread20', `/forum/t/${seeded.normalThread}`],
			['thread500-last', `/forum/t/${seeded.bigThread}?from=481`],
			['category', '/forum/c/benchmark'],
			['category-page2', '/forum/c/benchmark?cursor='],
			// Two words of the seeded vocabulary: about 1 in 250 posts has both.
			['search', '/search?q=datenkonzept%20strategiekonzept'],
			['search-prefix', '/search?q=förder']
		];
		// The second category page needs a real cursor: take it from the first page.
		const first = await fetch(`${app.url}/forum/c/benchmark`, {
			headers: { cookie: viewer!.cookie },
			signal: AbortSignal.timeout(300_000)
		});
		const cursor = /cursor=([0-9]{13}_[a-f0-9]{24})/.exec(await first.text())?.[1] ?? '';
		targets[3]![1] += cursor;
		const wanted = pages ?? targets.map(([name]) => name);
		for (const [name, path] of targets.filter(([name]) => wanted.includes(name))) {
			// One request alone first (also the warm-up): a page that is slow on its own is not
			// put under load, or its queued requests would distort every later measurement.
			const single = await probe(app.url + path, viewer!.cookie);
			console.log(
				`BENCH forum-single page=${name} ms=${single.ms.toFixed(0)} status=${single.status}`
			);
			if (single.ms > slowMs) {
				console.log(`BENCH forum page=${name} skipped=single-request-over-${slowMs}ms`);
				continue;
			}
			for (const connections of [10, 50]) {
				const r = await loadBesideBare(app, path, {
					connections,
					seconds,
					runs,
					cookie: viewer!.cookie,
					timeoutSeconds: 30
				});
				console.log(`BENCH forum page=${name} c=${connections} ${formatBesideBare(r)}`);
				// Requests that outlived the run are still queued on the server: let them drain.
				await new Promise((resolve) => setTimeout(resolve, 15_000));
			}
		}
	} finally {
		await app.stop();
	}
}
