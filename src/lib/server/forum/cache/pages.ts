import { ForumPageCache } from '../../db/models';

/**
 * Embedded-database limit: FerretDB 1.24 (SQLite) serves only exact `_id` lookups from an
 * index and scans the collection for every other query. Derived data a page needs on nearly
 * every visit (a thread's page of posts with their authors, a category's first page of
 * threads) is therefore stored under a string `_id` with the version of its source: one
 * indexed lookup instead of a dozen queries. Any change raises the source's version (see
 * counters.ts), which retires the entry. On MongoDB the queries have their indexes and this
 * cache only saves work; it can go when production runs there.
 */
export async function cachedByVersion<T>(
	key: string,
	version: number,
	build: () => Promise<T>
): Promise<T> {
	const hit = await ForumPageCache.findById(key, { version: 1, data: 1 }).lean<{
		version: number;
		data: T | null;
	}>();
	if (hit && hit.version === version && hit.data) return hit.data;
	const data = await build();
	await ForumPageCache.updateOne({ _id: key }, { $set: { version, data } }, { upsert: true });
	return data;
}
