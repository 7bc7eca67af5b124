/**
 * Lookups, updates and deletes by `_id` are answered from the `_id` index, wherever the document
 * sits in a large collection. The embedded FerretDB needs embedded-db/patches/sqlite-id-index.patch
 * for this: unpatched, SQLite scans the table (here about 1.5 s for the last of 200,000
 * documents, and every update or delete by `_id` scanned the whole table).
 */
import mongoose, { Schema, Types } from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { median } from '../../../../bench/stats';
import { useTestDatabase } from '../../../../tests/support/db';

useTestDatabase('id_index');

const probeSchema = new Schema({ n: Number });
const Probe = mongoose.model('IdIndexProbe', probeSchema);
const SmallProbe = mongoose.model('IdIndexSmallProbe', probeSchema);

const documentCount = 200_000;
const batchSize = 10_000;
const rounds = 9;
/** Timer and scheduling noise on a busy machine; a scan of this collection costs about a second. */
const slackMs = 2;

/** Milliseconds one call takes. */
async function timed(call: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await call();
	return performance.now() - started;
}

/** Median durations of two lists of calls, run in alternation so both see the same load. */
async function alternatingMedians(
	reference: (() => Promise<unknown>)[],
	measured: (() => Promise<unknown>)[]
) {
	const referenceTimes: number[] = [];
	const measuredTimes: number[] = [];
	for (let i = 0; i < reference.length; i++) {
		referenceTimes.push(await timed(reference[i]!));
		measuredTimes.push(await timed(measured[i]!));
	}
	return { reference: median(referenceTimes), measured: median(measuredTimes) };
}

const describeTimes = (
	operation: string,
	reference: string,
	times: { reference: number; measured: number }
) =>
	`median ${operation}: ${times.reference.toFixed(1)} ms for ${reference}, ${times.measured.toFixed(1)} ms for the last of ${documentCount} documents`;

const updateOne = (model: typeof Probe, _id: Types.ObjectId) => async () =>
	expect(await model.updateOne({ _id }, { $inc: { n: 1 } })).toMatchObject({ modifiedCount: 1 });
const deleteOne = (model: typeof Probe, _id: Types.ObjectId) => async () =>
	expect(await model.deleteOne({ _id })).toMatchObject({ deletedCount: 1 });

describe(`_id lookups in a collection of ${documentCount} documents`, () => {
	// Ids made here, in insertion order, so the test knows which documents a scan meets last.
	const ids: Types.ObjectId[] = [];
	const smallIds = Array.from({ length: rounds }, () => new Types.ObjectId());
	const lastIds = () => ids.slice(-rounds);

	beforeAll(async () => {
		await SmallProbe.insertMany(
			smallIds.map((_id, n) => ({ _id, n })),
			{ lean: true }
		);
		for (let offset = 0; offset < documentCount; offset += batchSize) {
			const batch = Array.from({ length: batchSize }, (_, i) => {
				const _id = new Types.ObjectId();
				ids.push(_id);
				return { _id, n: offset + i };
			});
			await Probe.insertMany(batch, { lean: true });
		}
	}, 120_000);

	it('plans a find by _id as an index search, not a scan', async () => {
		const explained = await Probe.collection.find({ _id: ids.at(-1) }).explain();
		// FerretDB reports SQLite's plan ("SEARCH … USING INDEX" or "SCAN"), MongoDB its stages.
		const plan = JSON.stringify(explained.queryPlanner);
		expect(plan).toMatch(/USING INDEX|IDHACK|IXSCAN/);
		expect(plan).not.toMatch(/\bSCAN\b|COLLSCAN/);
	});

	it('finds the last document by _id as fast as the first', async () => {
		const [firstId, lastId] = [ids[0]!, ids.at(-1)!];
		const times = await alternatingMedians(
			Array.from({ length: rounds }, () => () => Probe.findById(firstId).lean()),
			Array.from({ length: rounds }, () => () => Probe.findById(lastId).lean())
		);
		expect(await Probe.findById(lastId).lean()).toMatchObject({ n: documentCount - 1 });
		expect(times.measured, describeTimes('findById', 'the first document', times)).toBeLessThan(
			2 * times.reference + slackMs
		);
	});

	// Unpatched, an update or delete by _id scanned the whole table wherever the document sat,
	// so the reference is the same operation on a collection of a few documents.
	it('updates and deletes the last documents by _id as fast as in a small collection', async () => {
		const operations = { updateOne, deleteOne }; // in this order: the deletes come last
		for (const [name, operation] of Object.entries(operations)) {
			const times = await alternatingMedians(
				smallIds.map((id) => operation(SmallProbe, id)),
				lastIds().map((id) => operation(Probe, id))
			);
			expect(times.measured, describeTimes(name, 'a small collection', times)).toBeLessThan(
				2 * times.reference + slackMs
			);
		}
		expect(await Probe.findById(ids.at(-1)).lean()).toBeNull();
	});
});
