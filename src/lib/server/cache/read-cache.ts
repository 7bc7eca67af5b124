import { LRUCache } from 'lru-cache';

export interface ReadCacheOptions {
	/** Upper bound of the approximate bytes the entries take (JSON length of value and key). */
	maxSize: number;
	/** Longest an entry lives even without an invalidation (a lost Redis message heals by then). */
	ttlMs: number;
}

export interface ReadCacheStats {
	name: string;
	entries: number;
	bytes: number;
	maxBytes: number;
	hits: number;
	misses: number;
	hitRate: number;
}

interface Entry<V> {
	value: V;
	tags: readonly string[];
	bytes: number;
}

/** Approximate size of a cached value: its JSON length (every cached value is plain data). */
function approximateBytes(key: string, value: unknown): number {
	return key.length + (JSON.stringify(value)?.length ?? 0) + 16;
}

/**
 * One named, byte-bounded LRU of plain data with tags. Reads go through `get` with a loader;
 * concurrent misses share one load. An invalidation while a load runs keeps that load's
 * (possibly older) result out of the cache. Absence (null or undefined) is never cached, so a
 * record created a moment ago is found at once. Disabled, every `get` just runs the loader.
 */
/** The figures of one size-bounded LRU for the admin metrics. */
export function lruStats(
	name: string,
	lru: { size: number; calculatedSize: number },
	maxBytes: number,
	hits: number,
	misses: number
): ReadCacheStats {
	const lookups = hits + misses;
	return {
		name,
		entries: lru.size,
		bytes: lru.calculatedSize,
		maxBytes,
		hits,
		misses,
		hitRate: lookups === 0 ? 0 : Math.round((hits / lookups) * 1000) / 1000
	};
}

export class ReadCache<V> {
	readonly #lru: LRUCache<string, Entry<V>>;
	readonly #byTag = new Map<string, Set<string>>();
	readonly #pending = new Map<string, Promise<unknown>>();
	/** Raised by every invalidation: a load that started before it must not store its result. */
	#generation = 0;
	#hits = 0;
	#misses = 0;

	constructor(
		readonly name: string,
		readonly options: ReadCacheOptions,
		private readonly enabled: () => boolean
	) {
		this.#lru = new LRUCache<string, Entry<V>>({
			maxSize: options.maxSize,
			sizeCalculation: (entry) => entry.bytes,
			ttl: options.ttlMs,
			// An entry leaving by eviction, expiry or deletion leaves the tag index too.
			dispose: (entry, key) => this.#untag(key, entry.tags)
		});
	}

	/** Reads through the cache; a cache of mixed values (V unknown) names each read's type T. */
	async get<T extends V>(
		key: string,
		load: () => Promise<T>,
		tagsOf: (value: NonNullable<T>) => readonly string[] = () => []
	): Promise<T> {
		if (!this.enabled()) {
			this.#misses++;
			return load();
		}
		const hit = this.#lru.get(key);
		if (hit) {
			this.#hits++;
			return hit.value as T;
		}
		this.#misses++;
		const running = this.#pending.get(key);
		if (running) return running as Promise<T>;
		const generation = this.#generation;
		const loading = load().then(
			(value) => {
				if (this.#pending.get(key) === loading) this.#pending.delete(key);
				if (value != null && generation === this.#generation)
					this.#store(key, value, tagsOf(value as NonNullable<T>));
				return value;
			},
			(err: unknown) => {
				if (this.#pending.get(key) === loading) this.#pending.delete(key);
				throw err;
			}
		);
		this.#pending.set(key, loading);
		return loading;
	}

	/**
	 * Reads many keys at once: the cached ones from memory, the rest with one `loadMissing`
	 * (e.g. one `$in` query). Keys the loader does not answer are absent from the result.
	 */
	async getMany<T extends V>(
		keys: readonly string[],
		loadMissing: (missing: string[]) => Promise<Map<string, T>>,
		tagsOf: (key: string, value: T) => readonly string[] = () => []
	): Promise<Map<string, T>> {
		const found = new Map<string, T>();
		const missing: string[] = [];
		for (const key of new Set(keys)) {
			const hit = this.enabled() ? this.#lru.get(key) : undefined;
			if (hit) found.set(key, hit.value as T);
			else missing.push(key);
		}
		this.#hits += found.size;
		this.#misses += missing.length;
		if (missing.length === 0) return found;
		const generation = this.#generation;
		const loaded = await loadMissing(missing);
		for (const [key, value] of loaded) {
			found.set(key, value);
			if (this.enabled() && generation === this.#generation)
				this.#store(key, value, tagsOf(key, value));
		}
		return found;
	}

	/** Replaces an entry that is already cached (e.g. a session whose expiry moved); no-op otherwise. */
	update(key: string, change: (value: V) => V): void {
		// A load running now read the old state: keep its result out.
		this.#generation++;
		this.#pending.delete(key);
		const entry = this.#lru.peek(key);
		if (!entry) return;
		const value = change(entry.value);
		this.#store(key, value, entry.tags);
	}

	delete(keys: readonly string[]): void {
		this.#generation++;
		for (const key of keys) {
			this.#pending.delete(key);
			this.#lru.delete(key);
		}
	}

	deleteTagged(tags: readonly string[]): void {
		this.#generation++;
		this.#pending.clear();
		for (const tag of tags)
			for (const key of [...(this.#byTag.get(tag) ?? [])]) this.#lru.delete(key);
	}

	clear(): void {
		this.#generation++;
		this.#pending.clear();
		this.#lru.clear();
	}

	stats(): ReadCacheStats {
		return lruStats(this.name, this.#lru, this.options.maxSize, this.#hits, this.#misses);
	}

	#store(key: string, value: V, tags: readonly string[]): void {
		const bytes = approximateBytes(key, value);
		// Larger than the whole cache: lru-cache would refuse it anyway.
		if (bytes > this.options.maxSize) return;
		this.#lru.set(key, { value, tags, bytes });
		for (const tag of tags) {
			let keys = this.#byTag.get(tag);
			if (!keys) this.#byTag.set(tag, (keys = new Set()));
			keys.add(key);
		}
	}

	#untag(key: string, tags: readonly string[]): void {
		for (const tag of tags) {
			const keys = this.#byTag.get(tag);
			if (!keys) continue;
			keys.delete(key);
			if (keys.size === 0) this.#byTag.delete(tag);
		}
	}
}
