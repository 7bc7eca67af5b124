import { ok, type Refused, type Result } from '../result';

/**
 * A write refused by a unique index (MongoDB's and FerretDB's duplicate-key code 11000). The
 * one place that knows the number: no Mongo error code leaves the data layer.
 */
export function isDuplicateKeyError(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** A write a unique index may refuse (same name, same slug): the duplicate answers `conflict`. */
export async function uniqueWrite<T>(
	write: () => Promise<T>,
	conflict: Refused
): Promise<Result<T>> {
	try {
		return ok(await write());
	} catch (err) {
		if (isDuplicateKeyError(err)) return conflict;
		throw err;
	}
}

/** An upsert two writers may race: when the other one created the row first, `then` runs. */
export async function unlessDuplicate<T, U = T>(
	write: () => Promise<T>,
	then: () => Promise<U> | U
): Promise<T | U> {
	try {
		return await write();
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
		return then();
	}
}
