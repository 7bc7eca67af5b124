import { config } from '../config';
import { publishInvalidation, subscribeInvalidations, type Invalidation } from './bus';
import { ReadCache, lruStats, type ReadCacheOptions, type ReadCacheStats } from './read-cache';

export { ReadCache, lruStats, type ReadCacheOptions, type ReadCacheStats };

const megabyte = 1024 * 1024;
const minute = 60_000;

/**
 * The app's read caches, one per kind of data, each bounded in bytes. Every write that
 * changes what an entry shows calls `invalidate` or `invalidateTags` after the database
 * write; with REDIS_URL the invalidation reaches every instance (bus.ts). Access rules are
 * never cached as decisions: pages are cached as content and every request checks the
 * member's current rights (their session entry is evicted when those rights change).
 */
const definitions = {
	/**
	 * Session by id (hash of the token): who it belongs to and until when. Logout, password
	 * change and deactivation evict it on every instance at once; the lifetime only bounds a lost
	 * invalidation. Five minutes, not one: each miss costs two database reads, and 10,000
	 * sockets reconnecting must find most sessions still cached (bench connect).
	 */
	sessions: { maxSize: 8 * megabyte, ttlMs: 5 * minute },
	/** A member as sessions see them: roles, cohorts, name, locale (tag member:<id>); as sessions. */
	members: { maxSize: 8 * megabyte, ttlMs: 5 * minute },
	/** Channel metadata (kind, cohort, name) and channel lists. */
	channels: { maxSize: 8 * megabyte, ttlMs: 10 * minute },
	/** Rendered pages of a thread's posts (tag thread:<id>, member:<author>). */
	threadPages: { maxSize: 64 * megabyte, ttlMs: 10 * minute },
	/** Forum categories and the pages of each category's threads (tag category:<id>). */
	categoryPages: { maxSize: 16 * megabyte, ttlMs: 10 * minute },
	/**
	 * Every thread's place in its category's list (forum/thread-order.ts): about 200 bytes a
	 * thread. The lifetime is how often it is rebuilt from a scan in the background.
	 */
	threadOrder: { maxSize: 16 * megabyte, ttlMs: 10 * minute },
	/** Each member's read positions and watch levels in threads (key: member id). */
	readStates: { maxSize: 16 * megabyte, ttlMs: 10 * minute },
	/** Each member's count of unread notifications (key: member id), shown on every page. */
	notificationCounts: { maxSize: megabyte, ttlMs: 10 * minute },
	/** All workshops and each member's roster entries, for the lists (tag workshops). */
	workshops: { maxSize: 8 * megabyte, ttlMs: 10 * minute },
	/** Lists and figures on the start page. */
	dashboard: { maxSize: 8 * megabyte, ttlMs: 30_000 },
	/** Pages of the member directory (tag directory). */
	directory: { maxSize: 16 * megabyte, ttlMs: 10 * minute },
	/** Public profiles and author names (tag member:<id>). */
	profiles: { maxSize: 16 * megabyte, ttlMs: 10 * minute },
	/** The last few hundred messages of each active chat channel (chat/cache/tail.ts). */
	chatTails: { maxSize: 32 * megabyte, ttlMs: 10 * minute },
	/** Members' read positions in chat channels (key: member:channel, as stored). */
	chatReads: { maxSize: 8 * megabyte, ttlMs: 10 * minute }
} satisfies Record<string, ReadCacheOptions>;

export type CacheName = keyof typeof definitions;

/**
 * A cache kept by its own module (e.g. the chat tails, which grow by appends) that the
 * invalidations reach like the named ones. `extend` continues an entry with items added on
 * another instance; without it the entry is dropped.
 */
export interface Invalidatable {
	delete(keys: readonly string[]): void;
	deleteTagged(tags: readonly string[]): void;
	clear(): void;
	stats(): ReadCacheStats;
	extend?(key: string, items: unknown[]): void;
}

export const enabled = () => config().CACHE === 'on';

// On globalThis: the app's modules may be loaded more than once (see realtime/io.ts).
const registryKey = Symbol.for('netzwerk.cache.registry');
const store = globalThis as Record<symbol, Map<CacheName, Invalidatable> | undefined>;
const registry = (store[registryKey] ??= new Map());

/** The named cache, created on first use. The type of its values is the caller's promise. */
export function named<V>(name: CacheName): ReadCache<V> {
	let cache = registry.get(name);
	if (!cache) {
		cache = new ReadCache<unknown>(name, definitions[name], enabled);
		registry.set(name, cache);
	}
	return cache as ReadCache<V>;
}

/**
 * A cache of its own module under a name: its bounds come from here, and invalidations and
 * metrics reach it. The first registration in the process wins (modules may load twice).
 */
export function own<C extends Invalidatable>(
	name: CacheName,
	create: (options: ReadCacheOptions, isEnabled: () => boolean) => C
): C {
	let cache = registry.get(name);
	if (!cache) {
		cache = create(definitions[name], enabled);
		registry.set(name, cache);
	}
	return cache as C;
}

function apply(invalidation: Invalidation): void {
	if (invalidation.kind === 'keys')
		registry.get(invalidation.cache as CacheName)?.delete(invalidation.keys);
	else if (invalidation.kind === 'extend') {
		const cache = registry.get(invalidation.cache as CacheName);
		if (cache?.extend) cache.extend(invalidation.key, invalidation.items);
		else cache?.delete([invalidation.key]);
	} else if (invalidation.kind === 'tags')
		for (const cache of registry.values()) cache.deleteTagged(invalidation.tags);
	else for (const cache of registry.values()) cache.clear();
}

/** Drops entries by key here and on every other instance. */
export function invalidate(cache: CacheName, ...keys: string[]): void {
	const invalidation: Invalidation = { kind: 'keys', cache, keys };
	apply(invalidation);
	publishInvalidation(invalidation);
}

/**
 * Changes an entry in place here (the writer sees its write at once without a reload) and
 * drops it on every other instance.
 */
export function changeHere<V>(cache: CacheName, key: string, change: (value: V) => V): void {
	named<V>(cache).update(key, change);
	announceChanged(cache, key);
}

/**
 * Tells the other instances that items were added to an entry here (the caller has added
 * them to its own copy already).
 */
export function announceExtended(cache: CacheName, key: string, items: unknown[]): void {
	publishInvalidation({ kind: 'extend', cache, key, items });
}

/** Drops entries on the other instances only (the caller has changed its own copies). */
export function announceChanged(cache: CacheName, ...keys: string[]): void {
	publishInvalidation({ kind: 'keys', cache, keys });
}

/** Drops every entry carrying one of the tags, in all caches, here and on every other instance. */
export function invalidateTags(...tags: string[]): void {
	const invalidation: Invalidation = { kind: 'tags', tags };
	apply(invalidation);
	publishInvalidation(invalidation);
}

/** Drops tagged entries on this instance only (a change another instance announced itself). */
export function forgetHere(...tags: string[]): void {
	apply({ kind: 'tags', tags });
}

/** Listens for other instances' invalidations (with REDIS_URL); called once at start. */
export function startCacheSync(): Promise<void> {
	return subscribeInvalidations(apply);
}

/** Hit rates and sizes of every cache used so far (admin metrics). */
export function cacheStats(): { enabled: boolean; caches: ReadCacheStats[] } {
	return { enabled: enabled(), caches: [...registry.values()].map((c) => c.stats()) };
}

/** Tags shared by the writers and readers of cached data. */
export const tags = {
	member: (id: string) => `member:${id}`,
	thread: (id: string) => `thread:${id}`,
	category: (id: string) => `category:${id}`,
	channel: (id: string) => `channel:${id}`,
	/** Anything listing chat channels (any channel write but the last-message bookkeeping). */
	channels: 'channels',
	/** Anything listing categories or threads across categories. */
	forum: 'forum',
	/** Anything listing members (directory, member counts). */
	directory: 'directory',
	/** Anything showing cohorts or their channels' names. */
	cohorts: 'cohorts',
	/** Anything read from workshops or their rosters (any write to either retires it). */
	workshops: 'workshops',
	/** Anything showing a municipality's name (profiles). */
	municipalities: 'municipalities'
};
