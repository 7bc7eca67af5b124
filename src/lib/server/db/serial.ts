/**
 * Embedded-database limit: FerretDB 1.24 applies concurrent updates of one document
 * non-atomically (two `$set`/`$inc` at once can lose one). Writes to the same document are
 * therefore queued per key within this process. On MongoDB this queue is unnecessary.
 */
const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier work queued under `key` (failed or not) has finished. */
export function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
	const run = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
	queues.set(key, run);
	void run.finally(() => {
		if (queues.get(key) === run) queues.delete(key);
	});
	return run;
}
