/**
 * One update command with many statements (what a bulkWrite of updates sends) completes. The
 * embedded FerretDB needs embedded-db/patches/update-statement-cursors.patch for this:
 * unpatched, each statement kept a database connection until the whole command ended, so a
 * command of 100 statements or more waited forever, and every other command behind it.
 */
import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';

useTestDatabase('update_statements');

const Position = mongoose.model(
	'UpdateStatementsProbe',
	new Schema({ _id: String, seq: Number, updatedAt: Date })
);

/** Fails with a message instead of waiting for the test's timeout on a wedged database. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
	return Promise.race([
		work,
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
		)
	]);
}

describe('an update command with many statements', () => {
	it('upserts and then updates 250 documents in one command each', async () => {
		const statements = (seq: number) =>
			Array.from({ length: 250 }, (_, i) => ({
				updateOne: {
					filter: { _id: `member-${i}:channel` },
					update: { $max: { seq }, $set: { updatedAt: new Date() } },
					upsert: true
				}
			}));
		const inserted = await within(20_000, Position.bulkWrite(statements(1)));
		expect(inserted.upsertedCount).toBe(250);
		const raised = await within(20_000, Position.bulkWrite(statements(2)));
		expect(raised.modifiedCount).toBe(250);
		expect(await within(5_000, Position.countDocuments({ seq: 2 }))).toBe(250);
	});
});
