/**
 * An in-memory inverted index over the stemmed terms of `forum/terms.ts`, answering "every
 * complete word exactly, the last word by prefix, newest first" by walking posting lists from
 * their end. Measured at 200,000 posts of the bench forum: MiniSearch scores every match (0.7 to
 * 1.9 s for a common word or a prefix), FlexSearch's prefix mode took 156 s to build and 560 MB
 * and ranks by relevance with every word a prefix; walking sorted posting lists from the newest
 * end stops after one page (well under a millisecond) and keeps the semantics exact.
 */

/** What an entry is, for the permission filter and the page; the text stays in the database. */
export interface Entry {
	/** The database id (24 hex digits): ordered by creation time, the paging cursor. */
	id: string;
	/** Category (posts, thread titles) or channel (chat messages) the reader must be allowed. */
	scope: string;
	/** The thread of a post, so a thread's change reaches its posts. */
	parent: string | null;
	authorId: string;
	createdAt: number;
}

export interface Query {
	exact: string[];
	prefix: string | null;
}

export interface Page {
	entries: Entry[];
	/** The id to continue below, or null when this was the last page. */
	nextCursor: string | null;
}

/** Index of `value` in the sorted `list`, or where it would go. */
function lowerBound<T>(list: T[], value: T): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (list[mid]! < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function insertSorted<T>(list: T[], value: T): void {
	const at = lowerBound(list, value);
	if (list[at] !== value) list.splice(at, 0, value);
}

function removeSorted<T>(list: T[], value: T): void {
	const at = lowerBound(list, value);
	if (list[at] === value) list.splice(at, 1);
}

export class TermIndex {
	/** Slot -> entry (null once removed); a slot keeps its number across edits. */
	private entries: (Entry | null)[] = [];
	/**
	 * The term ids of each slot, to unlink them on edit; ids, not strings, keep this small. Plain
	 * arrays of small integers, not typed arrays: 200,000 typed arrays of this size each hold a
	 * buffer outside the heap that every garbage collection has to track.
	 */
	private termsOfSlot: (number[] | null)[] = [];
	/**
	 * One copy of each scope, parent and author id: 200,000 entries share a few hundred
	 * categories, threads and authors, and fewer objects make every garbage collection shorter.
	 */
	private shared = new Map<string, string>();
	private termIds = new Map<string, number>();
	private termNames: string[] = [];
	private slotOfId = new Map<string, number>();
	/** Term number -> ascending slots holding it. */
	private postings: number[][] = [];
	/** Every term, sorted, for prefix ranges. */
	private sortedTerms: string[] = [];
	private children = new Map<string, Set<number>>();
	private bulk = false;

	get size(): number {
		return this.slotOfId.size;
	}

	/**
	 * The numbers of the distinct terms, registering new ones. A build holds these instead of
	 * the strings: 200,000 posts carry millions of term strings, each its own object.
	 */
	termIdsOf(terms: string[]): number[] {
		return [...new Set(terms)].map((term) => this.termId(term));
	}

	/** Adds or replaces an entry with its terms. */
	put(entry: Entry, terms: string[]): void {
		this.putTermIds(entry, this.termIdsOf(terms));
	}

	/** Adds or replaces an entry with its distinct terms' numbers (from `termIdsOf`). */
	putTermIds(entry: Entry, termIds: number[]): void {
		entry = {
			...entry,
			scope: this.share(entry.scope),
			parent: entry.parent === null ? null : this.share(entry.parent),
			authorId: this.share(entry.authorId)
		};
		const known = this.slotOfId.get(entry.id);
		if (known !== undefined) this.dropTerms(known);
		const slot = known ?? this.entries.length;
		if (known === undefined) {
			this.entries.push(entry);
			this.termsOfSlot.push(null);
			this.slotOfId.set(entry.id, slot);
		} else {
			this.unlinkChild(slot);
			this.entries[slot] = entry;
		}
		this.termsOfSlot[slot] = termIds;
		for (const id of termIds) {
			const list = this.postings[id]!;
			// New slots are the largest: appending keeps the list sorted without a search.
			if (list.length === 0 || list.at(-1)! < slot) list.push(slot);
			else insertSorted(list, slot);
		}
		if (entry.parent) {
			let set = this.children.get(entry.parent);
			if (!set) this.children.set(entry.parent, (set = new Set()));
			set.add(slot);
		}
	}

	remove(id: string): void {
		const slot = this.slotOfId.get(id);
		if (slot === undefined) return;
		this.dropTerms(slot);
		this.unlinkChild(slot);
		this.entries[slot] = null;
		this.termsOfSlot[slot] = null;
		this.slotOfId.delete(id);
	}

	get(id: string): Entry | null {
		const slot = this.slotOfId.get(id);
		return slot === undefined ? null : this.entries[slot]!;
	}

	/** Ids of the entries whose parent is `parent` (the posts of a thread). */
	childrenOf(parent: string): string[] {
		return [...(this.children.get(parent) ?? [])].map((slot) => this.entries[slot]!.id);
	}

	/** Loads many entries faster: the sorted term list is built once at the end. */
	loadBulk(fill: () => Promise<void>): Promise<void> {
		this.bulk = true;
		return fill().finally(() => {
			this.bulk = false;
			this.sortedTerms = [...this.termNames].sort();
		});
	}

	/**
	 * One page of entries holding every exact term and a term starting with the prefix, newest
	 * first (below `before` when given), that `allowed` accepts. Entries `allowed` refuses are
	 * skipped, never counted.
	 */
	search(
		query: Query,
		options: { limit: number; before?: string | null; allowed: (entry: Entry) => boolean }
	): Page {
		const exact: number[][] = [];
		for (const term of query.exact) {
			const id = this.termIds.get(term);
			if (id === undefined) return { entries: [], nextCursor: null };
			exact.push(this.postings[id]!);
		}
		const alternatives = query.prefix ? this.prefixLists(query.prefix) : [];
		if (exact.length === 0 && alternatives.length === 0) return { entries: [], nextCursor: null };
		// Drive the walk by the shortest list; the others are probed by binary search.
		exact.sort((a, b) => a.length - b.length);
		const drivers = alternatives.length > 0 ? alternatives : [exact.shift()!];
		const cursors = drivers.map((list) => list.length - 1);
		const found: Entry[] = [];
		let last = Infinity;
		for (;;) {
			let slot = -1;
			for (const [i, list] of drivers.entries()) {
				// Several prefix lists can hold one slot: skip what was taken already.
				while (cursors[i]! >= 0 && list[cursors[i]!]! >= last) cursors[i]!--;
				if (cursors[i]! >= 0) slot = Math.max(slot, list[cursors[i]!]!);
			}
			if (slot < 0) return { entries: found, nextCursor: null };
			last = slot;
			const entry = this.entries[slot];
			if (!entry) continue;
			if (options.before && entry.id >= options.before) continue;
			if (!exact.every((list) => list[lowerBound(list, slot)] === slot)) continue;
			if (!options.allowed(entry)) continue;
			if (found.length === options.limit) return { entries: found, nextCursor: found.at(-1)!.id };
			found.push(entry);
		}
	}

	private prefixLists(prefix: string): number[][] {
		const lists: number[][] = [];
		for (let i = lowerBound(this.sortedTerms, prefix); i < this.sortedTerms.length; i++) {
			const term = this.sortedTerms[i]!;
			if (!term.startsWith(prefix)) break;
			const list = this.postings[this.termIds.get(term)!]!;
			if (list.length > 0) lists.push(list);
		}
		return lists;
	}

	private share(value: string): string {
		const known = this.shared.get(value);
		if (known !== undefined) return known;
		this.shared.set(value, value);
		return value;
	}

	/** The term's number, registering a new term with an empty posting list. */
	private termId(term: string): number {
		let id = this.termIds.get(term);
		if (id === undefined) {
			id = this.termNames.length;
			this.termIds.set(term, id);
			this.termNames.push(term);
			this.postings.push([]);
			if (!this.bulk) insertSorted(this.sortedTerms, term);
		}
		return id;
	}

	private dropTerms(slot: number): void {
		for (const id of this.termsOfSlot[slot] ?? []) removeSorted(this.postings[id]!, slot);
	}

	private unlinkChild(slot: number): void {
		const parent = this.entries[slot]?.parent;
		if (parent) this.children.get(parent)?.delete(slot);
	}
}
