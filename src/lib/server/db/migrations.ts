import { DataMigration } from './models';

/**
 * Runs a one-time change to stored data unless it was applied before, and records it once it
 * succeeded: the check is one `_id` look-up, where finding what is left to change is often a
 * scan of a collection on the embedded database, at every start. A change that fails is tried
 * again at the next start. Two instances starting together may both run it, so each change
 * must be safe to run twice.
 */
export async function applyOnce(name: string, change: () => Promise<unknown>): Promise<boolean> {
	if (await DataMigration.exists({ _id: name })) return false;
	await change();
	await DataMigration.updateOne(
		{ _id: name },
		{ $setOnInsert: { appliedAt: new Date() } },
		{ upsert: true }
	);
	return true;
}
