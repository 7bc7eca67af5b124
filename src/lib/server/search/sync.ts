import { randomUUID } from 'node:crypto';
import { Types, trusted } from 'mongoose';
import { SearchChange, SearchMeta, type SearchKind } from '../db/models';
import { errorFields, log } from '../log';
import { buildAll, putMessage, refresh, type Indexes, type MessageRow } from './documents';
import { TermIndex } from './term-index';

/**
 * Keeps this process's index equal to the database. The database is the source of truth: the
 * index is built from it at start (in the background, with progress in the log) and whenever
 * the generation in `SearchMeta` changes (`npm run reindex`, bulk seeds). Every write notes its
 * record in the `SearchChange` log and applies it here at once; every instance reads the last
 * seconds of that log twice a second and reloads what others changed.
 */

const metaId = 'search-index';
const pollMs = 500;
/** Changes are read again for this long: ids of other instances may arrive a little late. */
const lookBackMs = 10_000;
const keepChangesMs = 5 * 60_000;

interface State {
	indexes: Indexes;
	generation: string | null;
	started: boolean;
	building: boolean;
	seen: Map<string, number>;
	timer: ReturnType<typeof setInterval> | null;
	pending: { kind: SearchKind; ref: Types.ObjectId }[];
	flushing: Promise<void> | null;
	lastTrim: number;
	/** After a rebuild: replay the change log from the build's start (ms), not just seconds. */
	replayFrom: number | null;
}

const key = Symbol.for('netzwerk.search.state');
const freshIndexes = (): Indexes => ({
	post: new TermIndex(),
	thread: new TermIndex(),
	message: new TermIndex()
});

// Kept on globalThis: Vite's SSR graph and build/ may each load this module.
function state(): State {
	const store = globalThis as Record<symbol, State | undefined>;
	return (store[key] ??= {
		indexes: freshIndexes(),
		generation: null,
		started: false,
		building: false,
		seen: new Map(),
		timer: null,
		pending: [],
		flushing: null,
		lastTrim: 0,
		replayFrom: null
	});
}

async function currentGeneration(): Promise<string> {
	const meta = await SearchMeta.findById(metaId).lean();
	if (meta) return meta.generation;
	// First start on this database: any instance may create it, the first one wins.
	await SearchMeta.updateOne(
		{ _id: metaId },
		{ $setOnInsert: { generation: randomUUID() } },
		{ upsert: true }
	).catch(() => null);
	return (await SearchMeta.findById(metaId).lean())!.generation;
}

/** Builds a fresh index from the database and swaps it in when complete. */
export async function rebuild(
	print: (line: string) => void = (l) => log.info(l)
): Promise<Indexes> {
	const s = state();
	s.building = true;
	const started = performance.now();
	const startedAt = Date.now();
	try {
		const generation = await currentGeneration();
		const indexes = freshIndexes();
		await buildAll(indexes, (done, total) =>
			print(
				`Suchindex: ${done} von ${total} Einträgen (${Math.round((100 * done) / Math.max(1, total))} %)`
			)
		);
		s.indexes = indexes;
		s.generation = generation;
		// Writes during the build may be missing from the new index: read them again.
		s.seen.clear();
		s.replayFrom = startedAt - lookBackMs;
		s.started = true;
		startPolling();
		print(
			`Suchindex bereit: ${indexes.post.size} Beiträge, ${indexes.thread.size} Themen, ${indexes.message.size} Nachrichten in ${((performance.now() - started) / 1000).toFixed(1)} s`
		);
		return indexes;
	} finally {
		s.building = false;
	}
}

/**
 * The index as it is now, and whether it is complete. Never waits for a build: while the first
 * one runs, searches answer from what is there and say so.
 */
export function current(): { indexes: Indexes; complete: boolean } {
	startSearchIndex();
	const s = state();
	return { indexes: s.indexes, complete: s.generation !== null && !s.building };
}

/** Builds the index at server start (in the background) and then follows the change log. */
export function startSearchIndex(): void {
	const s = state();
	if (s.started) return;
	s.started = true;
	rebuild().catch((err: unknown) => {
		// The next search tries again.
		s.started = false;
		log.error('Search index build failed', errorFields(err));
	});
}

/** Marks every instance's index outdated: each rebuilds from the database. */
export async function bumpGeneration(): Promise<void> {
	await SearchMeta.updateOne(
		{ _id: metaId },
		{ $set: { generation: randomUUID() } },
		{ upsert: true }
	);
}

function startPolling() {
	const s = state();
	if (s.timer) return;
	s.timer = setInterval(() => {
		poll().catch((err: unknown) => log.error('Search index update failed', errorFields(err)));
	}, pollMs);
	s.timer.unref();
}

export function stopSearchIndex(): Promise<void> {
	const s = state();
	if (s.timer) clearInterval(s.timer);
	s.timer = null;
	return flush();
}

let polling = false;
async function poll() {
	const s = state();
	if (polling || s.building) return;
	polling = true;
	try {
		if ((await currentGeneration()) !== s.generation) {
			await rebuild();
			return;
		}
		const from = Math.min(Date.now() - lookBackMs, s.replayFrom ?? Infinity);
		s.replayFrom = null;
		const since = Types.ObjectId.createFromTime(Math.floor(from / 1000));
		const changes = await SearchChange.find({ _id: trusted({ $gte: since }) }).lean();
		for (const change of changes) {
			const id = change._id.toString();
			if (s.seen.has(id)) continue;
			s.seen.set(id, Date.now());
			const refs = change.refs.length > 0 ? change.refs : change.ref ? [change.ref] : [];
			for (const ref of refs) await refresh(s.indexes, change.kind, ref);
		}
		const now = Date.now();
		for (const [id, at] of s.seen) if (now - at > 2 * lookBackMs) s.seen.delete(id);
		if (now - s.lastTrim > 60_000) {
			s.lastTrim = now;
			const old = Types.ObjectId.createFromTime(Math.floor((now - keepChangesMs) / 1000));
			await SearchChange.deleteMany({ _id: trusted({ $lt: old }) });
		}
	} finally {
		polling = false;
	}
}

/** Writes the noted changes to the log, one entry per kind (chat sends many per second). */
function flush(): Promise<void> {
	const s = state();
	if (s.flushing || s.pending.length === 0) return s.flushing ?? Promise.resolve();
	const refsByKind = new Map<SearchKind, Types.ObjectId[]>();
	for (const { kind, ref } of s.pending.splice(0)) {
		const refs = refsByKind.get(kind);
		if (refs) refs.push(ref);
		else refsByKind.set(kind, [ref]);
	}
	const docs = [...refsByKind].map(([kind, refs]) => ({ _id: new Types.ObjectId(), kind, refs }));
	for (const doc of docs) s.seen.set(doc._id.toString(), Date.now());
	s.flushing = SearchChange.insertMany(docs, { ordered: false })
		.then(() => undefined)
		.catch((err: unknown) => log.warn('Search change log write failed', errorFields(err)))
		.finally(() => {
			s.flushing = null;
			if (s.pending.length > 0) setTimeout(() => void flush(), 50).unref();
		});
	return s.flushing;
}

function note(kind: SearchKind, ref: Types.ObjectId) {
	state().pending.push({ kind, ref });
	setTimeout(() => void flush(), 100).unref();
}

/**
 * A post or thread was written: this instance reloads it now (so its author finds it at once),
 * the others within a poll.
 */
export async function changed(kind: 'post' | 'thread', id: Types.ObjectId | string) {
	const ref = typeof id === 'string' ? new Types.ObjectId(id) : id;
	note(kind, ref);
	const s = state();
	if (s.generation === null) return;
	await refresh(s.indexes, kind, ref).catch((err: unknown) =>
		log.warn('Search index refresh failed', errorFields(err))
	);
}

/** A chat message was stored, edited or deleted: indexed from the document in hand. */
export function messageChanged(row: MessageRow): void {
	note('message', row._id);
	const s = state();
	if (s.generation !== null) putMessage(s.indexes.message, row);
}
