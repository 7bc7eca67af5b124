import { trusted, type Types } from 'mongoose';
import * as cache from '../cache';
import { oid } from '../db/ids';
import { ForumThread } from '../db/models';
import { errorFields, log } from '../log';
import type { ThreadLean } from './access';
import { findThread } from './cached';

/**
 * The forum's threads in list order (last activity, newest first), kept in memory per
 * category: every page of a category, the newest threads across categories and a category's
 * counters are read without a query. On the embedded database a filtered, sorted read of the
 * threads is a scan of the whole collection (9 s for page 2 of a 10,000-thread category).
 *
 * Loaded with one scan on first use. Afterwards every thread invalidation (tag thread:<id>,
 * here or from another instance) reads that one thread again by _id and moves it; readers wait
 * for those reads, so a writer sees its change at once. A lost invalidation (Redis reconnect)
 * starts again from a scan; so does an order older than the cache lifetime, in the background,
 * which bounds writes made past the app (scripts, restores) as every cache's lifetime does.
 * With CACHE=off every read asks the database.
 */

interface Placed {
	id: string;
	categoryId: string;
	lastPostAt: number;
	pinned: boolean;
	hidden: boolean;
	tags: string[];
}

/** Where a page continues: after this (lastPostAt, _id) in list order. */
export interface ListPosition {
	lastPostAt: number;
	id: string;
}

export interface OrderFilter {
	/** Only pinned (true) or only unpinned (false) threads; both when absent. */
	pinned?: boolean;
	tag?: string;
	after?: ListPosition | null;
}

const orderFields = { categoryId: 1, lastPostAt: 1, pinned: 1, hidden: 1, tags: 1 } as const;
type OrderRow = Pick<
	ThreadLean,
	'_id' | 'categoryId' | 'lastPostAt' | 'pinned' | 'hidden' | 'tags'
>;

const placed = (row: OrderRow): Placed => ({
	id: row._id.toString(),
	categoryId: row.categoryId.toString(),
	lastPostAt: row.lastPostAt.getTime(),
	pinned: row.pinned,
	hidden: row.hidden,
	tags: row.tags
});

/** Negative when `a` comes first: newest activity first, then the newer id. */
const compare = (a: ListPosition, b: ListPosition) =>
	b.lastPostAt - a.lastPostAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The first index in `list` that comes after `position` (or where it would go). */
function indexAfter(list: Placed[], position: ListPosition, inclusive = false): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		const c = compare(list[mid]!, position);
		if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const bytesOf = (t: Placed) => 160 + t.tags.reduce((sum, tag) => sum + 40 + 2 * tag.length, 0);

const matches = (t: Placed, filter: OrderFilter) =>
	!t.hidden &&
	(filter.pinned === undefined || t.pinned === filter.pinned) &&
	(!filter.tag || t.tags.includes(filter.tag));

class ThreadOrder implements cache.Invalidatable {
	#threads = new Map<string, Placed>();
	#byCategory = new Map<string, Placed[]>();
	#bytes = 0;
	/** Raised by `clear`: a scan that started before it must not be installed. */
	#generation = 0;
	#installedGeneration = -1;
	#installedAt = 0;
	#scan: Promise<void> | null = null;
	/** Threads invalidated while a scan runs: read again once it is installed. */
	#changedDuringScan: Set<string> | null = null;
	/** The latest read of each thread in flight; an older read that answers later is ignored. */
	#latestRead = new Map<string, number>();
	#reads = new Set<Promise<void>>();
	#readCount = 0;
	#served = 0;
	#tooLargeLogged = false;

	constructor(
		private readonly options: cache.ReadCacheOptions,
		private readonly enabled: () => boolean
	) {}

	/** The order, current with every invalidation seen so far; null when it cannot be used. */
	async current(): Promise<ThreadOrder | null> {
		if (!this.enabled()) return null;
		while (this.#installedGeneration !== this.#generation) await this.#startScan();
		if (Date.now() - this.#installedAt > this.options.ttlMs)
			this.#startScan().catch((err: unknown) =>
				log.warn('Thread order not refreshed', errorFields(err))
			);
		await Promise.all(this.#reads);
		if (this.#bytes > this.options.maxSize) {
			if (!this.#tooLargeLogged)
				log.warn('Thread order exceeds its memory bound; lists read the database', {
					bytes: this.#bytes,
					maxBytes: this.options.maxSize
				});
			this.#tooLargeLogged = true;
			return null;
		}
		this.#served++;
		return this;
	}

	/** Up to `limit` thread ids of the categories matching `filter`, in list order. */
	list(categoryIds: readonly string[], filter: OrderFilter, limit: number): string[] {
		const found: Placed[] = [];
		for (const categoryId of categoryIds) {
			const list = this.#byCategory.get(categoryId) ?? [];
			let taken = 0;
			for (let i = filter.after ? indexAfter(list, filter.after) : 0; i < list.length; i++) {
				if (taken === limit) break;
				if (!matches(list[i]!, filter)) continue;
				found.push(list[i]!);
				taken++;
			}
		}
		if (categoryIds.length > 1) found.sort(compare);
		return found.slice(0, limit).map((t) => t.id);
	}

	/** Visible threads of a category and the newest of them. */
	summary(categoryId: string): { count: number; newestId: string | null } {
		const visible = (this.#byCategory.get(categoryId) ?? []).filter((t) => !t.hidden);
		return { count: visible.length, newestId: visible[0]?.id ?? null };
	}

	delete(): void {}

	deleteTagged(tags: readonly string[]): void {
		if (!this.enabled()) return;
		const prefix = cache.tags.thread('');
		for (const tag of tags) if (tag.startsWith(prefix)) this.#reread(tag.slice(prefix.length));
	}

	clear(): void {
		this.#generation++;
		this.#threads = new Map();
		this.#byCategory = new Map();
		this.#bytes = 0;
	}

	stats(): cache.ReadCacheStats {
		return cache.lruStats(
			'threadOrder',
			{ size: this.#threads.size, calculatedSize: this.#bytes },
			this.options.maxSize,
			this.#served,
			this.#readCount
		);
	}

	#startScan(): Promise<void> {
		this.#scan ??= this.#rescan().finally(() => (this.#scan = null));
		return this.#scan;
	}

	async #rescan(): Promise<void> {
		const generation = this.#generation;
		const changed = (this.#changedDuringScan = new Set<string>());
		this.#readCount++;
		const threads = new Map<string, Placed>();
		try {
			for await (const row of ForumThread.find({}, orderFields).lean<OrderRow[]>().cursor())
				threads.set(row._id.toString(), placed(row as OrderRow));
		} finally {
			this.#changedDuringScan = null;
		}
		if (generation !== this.#generation) return;
		this.#install(threads);
		for (const id of changed) this.#reread(id);
	}

	#install(threads: Map<string, Placed>): void {
		const byCategory = new Map<string, Placed[]>();
		let bytes = 0;
		for (const t of threads.values()) {
			const list = byCategory.get(t.categoryId) ?? [];
			if (list.length === 0) byCategory.set(t.categoryId, list);
			list.push(t);
			bytes += bytesOf(t);
		}
		for (const list of byCategory.values()) list.sort(compare);
		this.#threads = threads;
		this.#byCategory = byCategory;
		this.#bytes = bytes;
		this.#installedGeneration = this.#generation;
		this.#installedAt = Date.now();
	}

	/** Reads one thread again by _id and moves it to its place (or out, once it is gone). */
	#reread(id: string): void {
		this.#changedDuringScan?.add(id);
		if (this.#installedGeneration < 0) return;
		const readNumber = ++this.#readCount;
		this.#latestRead.set(id, readNumber);
		const generation = this.#generation;
		const read: Promise<void> = ForumThread.findById(oid(id), orderFields)
			.lean<OrderRow>()
			.then(
				(row) => {
					if (this.#latestRead.get(id) !== readNumber) return;
					this.#latestRead.delete(id);
					if (generation === this.#generation) this.#place(id, row ? placed(row) : null);
				},
				(err: unknown) => {
					// The thread's place is unknown now: start again from a scan.
					log.warn('Thread order lost a change; it is read again', errorFields(err));
					this.clear();
				}
			)
			.finally(() => this.#reads.delete(read));
		this.#reads.add(read);
	}

	#place(id: string, thread: Placed | null): void {
		const old = this.#threads.get(id);
		if (old) {
			const list = this.#byCategory.get(old.categoryId)!;
			list.splice(indexAfter(list, old, true), 1);
			this.#threads.delete(id);
			this.#bytes -= bytesOf(old);
		}
		if (!thread) return;
		const list = this.#byCategory.get(thread.categoryId) ?? [];
		if (list.length === 0) this.#byCategory.set(thread.categoryId, list);
		list.splice(indexAfter(list, thread), 0, thread);
		this.#threads.set(id, thread);
		this.#bytes += bytesOf(thread);
	}
}

const order = cache.own('threadOrder', (options, enabled) => new ThreadOrder(options, enabled));

/** The threads by their cached documents; one gone or moved meanwhile is left out. */
async function documentsOf(ids: string[], categoryIds: readonly string[]): Promise<ThreadLean[]> {
	const rows = await Promise.all(ids.map((id) => findThread(oid(id))));
	return rows.filter(
		(t): t is ThreadLean => !!t && !t.hidden && categoryIds.includes(t.categoryId.toString())
	);
}

const listFields = {
	title: 1,
	tags: 1,
	pinned: 1,
	locked: 1,
	postCount: 1,
	lastNumber: 1,
	lastPostAt: 1,
	authorId: 1,
	lastPostAuthorId: 1,
	categoryId: 1,
	hidden: 1
};

/** The same list read from the database (CACHE=off, or an order over its memory bound). */
function fromDatabase(
	categoryIds: readonly string[],
	filter: OrderFilter,
	limit: number
): Promise<ThreadLean[]> {
	const query: Record<string, unknown> = {
		categoryId:
			categoryIds.length === 1 ? oid(categoryIds[0]!) : trusted({ $in: categoryIds.map(oid) }),
		hidden: false
	};
	if (filter.pinned !== undefined) query.pinned = filter.pinned;
	if (filter.tag) query.tags = filter.tag;
	if (filter.after) {
		const at = new Date(filter.after.lastPostAt);
		query.$or = [
			{ lastPostAt: trusted({ $lt: at }) },
			{ lastPostAt: at, _id: trusted({ $lt: oid(filter.after.id) }) }
		];
	}
	return ForumThread.find(query, listFields)
		.sort({ lastPostAt: -1, _id: -1 })
		.limit(limit)
		.lean<ThreadLean[]>();
}

/** Up to `limit` visible threads of the categories, newest activity first. */
export async function threadsInOrder(
	categoryIds: readonly string[],
	filter: OrderFilter,
	limit: number
): Promise<ThreadLean[]> {
	if (categoryIds.length === 0) return [];
	const threads = await order.current();
	if (!threads) return fromDatabase(categoryIds, filter, limit);
	return documentsOf(threads.list(categoryIds, filter, limit), categoryIds);
}

/** How many visible threads a category has, and its most recently active one. */
export async function categoryThreads(
	categoryId: Types.ObjectId
): Promise<{ count: number; newest: ThreadLean | null }> {
	const threads = await order.current();
	if (!threads) {
		const filter = { categoryId, hidden: false };
		const [count, newest] = await Promise.all([
			ForumThread.countDocuments(filter),
			ForumThread.findOne(filter, listFields).sort({ lastPostAt: -1, _id: -1 }).lean<ThreadLean>()
		]);
		return { count, newest };
	}
	const { count, newestId } = threads.summary(categoryId.toString());
	return { count, newest: newestId ? await findThread(oid(newestId)) : null };
}
