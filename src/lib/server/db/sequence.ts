import type { Model } from 'mongoose';
import { isDuplicateKeyError } from './errors';
import { serialised } from './serial';

/**
 * Gap-free per-scope sequence numbers (e.g. per chat channel) that hold on MongoDB and on the
 * embedded FerretDB alike. FerretDB 1.24 does not apply findOneAndUpdate + $inc atomically under
 * concurrent callers (the compat spec shows it), so the number is not taken from a counter:
 * the document is inserted with max + 1 and a unique index on (scope, seq) decides races. The
 * loser re-reads the max and tries again. Within one process, inserts per scope are queued so
 * the retry only happens between instances. The result: numbers 1, 2, 3, ... in insert order.
 */
export interface SequenceOptions<T> {
	model: Model<T>;
	/** The field holding the scope (e.g. 'channelId') and its value. */
	scopeField: string;
	scope: unknown;
	seqField?: string;
	maxAttempts?: number;
}

const lastKnown = new Map<string, number>();

async function currentMax<T>(opts: SequenceOptions<T>): Promise<number> {
	const seqField = opts.seqField ?? 'seq';
	const last = await opts.model
		.findOne({ [opts.scopeField]: opts.scope } as never, { [seqField]: 1 })
		.sort({ [seqField]: -1 })
		.lean<Record<string, number>>();
	return last?.[seqField] ?? 0;
}

/**
 * Inserts `build(seq)` with the next sequence number of the scope. `onDuplicate` lets the
 * caller recognise a duplicate on another unique index (an idempotency key): it returns an
 * existing document to use instead, or undefined to treat the error as a sequence race.
 */
export function insertWithNextSeq<T, R>(
	opts: SequenceOptions<T>,
	build: (seq: number) => Record<string, unknown>,
	onDuplicate?: () => Promise<R | undefined>
): Promise<{ doc: R; created: boolean }> {
	const key = `${opts.model.modelName}:${String(opts.scope)}`;
	return serialised(`seq:${key}`, async () => {
		const maxAttempts = opts.maxAttempts ?? 20;
		let next = (lastKnown.get(key) ?? (await currentMax(opts))) + 1;
		for (let attempt = 1; ; attempt++) {
			try {
				const created = await (opts.model as unknown as Model<Record<string, unknown>>).create(
					build(next)
				);
				lastKnown.set(key, next);
				return { doc: created.toObject() as R, created: true };
			} catch (err) {
				if (!isDuplicateKeyError(err) || attempt >= maxAttempts) throw err;
				const existing = onDuplicate ? await onDuplicate() : undefined;
				if (existing !== undefined) return { doc: existing, created: false };
				// Another instance took this number: continue after the real maximum.
				next = (await currentMax(opts)) + 1;
			}
		}
	});
}

/** Forgets cached maxima (tests that drop the database between cases). */
export function resetSequenceCache(): void {
	lastKnown.clear();
}
