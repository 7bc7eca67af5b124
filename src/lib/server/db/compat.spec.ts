/**
 * The database contract: every operation the data layer relies on, run against the embedded
 * server (FerretDB) in CI and against a real MongoDB when MONGODB_URI is set. If a test here
 * fails on one of them, the data layer is no longer portable.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mongoose, { Schema, trusted } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { insertWithNextSeq } from './sequence';

useTestDatabase('compat');

const Item = mongoose.model(
	'CompatItem',
	new Schema({ group: String, n: Number, tags: [String], at: Date, email: String })
		.index({ email: 1 }, { unique: true, sparse: true })
		.index({ group: 1, n: 1 })
);
const Counter = mongoose.model('CompatCounter', new Schema({ _id: String, seq: Number }));
const Expiring = mongoose.model(
	'CompatExpiring',
	new Schema({ expiresAt: Date }).index({ expiresAt: 1 })
);
const Sequenced = mongoose.model(
	'CompatSequenced',
	new Schema({ scope: String, seq: Number }).index({ scope: 1, seq: 1 }, { unique: true })
);
const Pair = mongoose.model(
	'CompatPair',
	new Schema({ channel: String, clientId: String }).index(
		{ channel: 1, clientId: 1 },
		{ unique: true }
	)
);

describe('database compatibility', () => {
	it('enforces unique indexes with a duplicate-key error (code 11000)', async () => {
		await Item.init();
		await Item.create({ email: 'a@example.org' });
		await expect(Item.create({ email: 'a@example.org' })).rejects.toMatchObject({ code: 11000 });
	});

	it('enforces unique compound indexes', async () => {
		await Pair.init();
		await Pair.create({ channel: 'c1', clientId: 'x' });
		await Pair.create({ channel: 'c2', clientId: 'x' });
		await expect(Pair.create({ channel: 'c1', clientId: 'x' })).rejects.toMatchObject({
			code: 11000
		});
		expect(await Pair.countDocuments({})).toBe(2);
	});

	it('counts with findOneAndUpdate + $inc for sequential callers', async () => {
		// Concurrent callers are another matter: FerretDB 1.24 returned duplicates (1, 1, 1, 2, ...)
		// for 50 parallel $inc calls, so sequence numbers come from db/sequence.ts instead.
		await Counter.create({ _id: 'counter-1', seq: 0 });
		for (let i = 0; i < 5; i++)
			await Counter.findOneAndUpdate({ _id: 'counter-1' }, { $inc: { seq: 1 } });
		expect((await Counter.findById('counter-1').lean())?.seq).toBe(5);
	});

	it('allocates gap-free, unique sequence numbers under concurrent inserts (unique index + retry)', async () => {
		await Sequenced.init();
		const callers = 60;
		// Two "instances": separate queues race each other through the unique index.
		const results = await Promise.all(
			Array.from({ length: callers }, (_, i) =>
				i % 2 === 0
					? insertWithNextSeq({ model: Sequenced, scopeField: 'scope', scope: 's1' }, (seq) => ({
							scope: 's1',
							seq
						}))
					: Sequenced.findOne({ scope: 's1' })
							.sort({ seq: -1 })
							.lean()
							.then(async function retry(last): Promise<unknown> {
								try {
									return await Sequenced.create({ scope: 's1', seq: (last?.seq ?? 0) + 1 });
								} catch {
									return retry(await Sequenced.findOne({ scope: 's1' }).sort({ seq: -1 }).lean());
								}
							})
			)
		);
		expect(results).toHaveLength(callers);
		const seqs = (await Sequenced.find({ scope: 's1' }).lean())
			.map((d) => d.seq)
			.sort((a, b) => a! - b!);
		expect(seqs).toEqual(Array.from({ length: callers }, (_, i) => i + 1));
	});

	it('pages by cursor over an indexed compound key, without skip', async () => {
		await Item.insertMany(Array.from({ length: 25 }, (_, i) => ({ group: 'page', n: i })));
		const seen: number[] = [];
		let after = -1;
		for (;;) {
			const page = await Item.find({ group: 'page', n: trusted({ $gt: after }) })
				.sort({ n: 1 })
				.limit(10)
				.lean();
			if (page.length === 0) break;
			seen.push(...page.map((d) => d.n!));
			after = page.at(-1)!.n!;
		}
		expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i));
	});

	it('pages by (date, _id) descending with an $or cursor', async () => {
		const at = new Date('2024-01-01T00:00:00Z');
		await Item.insertMany(Array.from({ length: 7 }, (_, i) => ({ group: 'dates', at, n: i })));
		const first = await Item.find({ group: 'dates' }).sort({ at: -1, _id: -1 }).limit(4).lean();
		const last = first.at(-1)!;
		const rest = await Item.find({
			group: 'dates',
			$or: [{ at: trusted({ $lt: last.at }) }, { at: last.at, _id: trusted({ $lt: last._id }) }]
		})
			.sort({ at: -1, _id: -1 })
			.lean();
		expect(first.length + rest.length).toBe(7);
		expect(new Set([...first, ...rest].map((d) => String(d._id))).size).toBe(7);
	});

	it('groups with $match, $unwind, $group and $sort', async () => {
		await Item.insertMany([
			{ group: 'agg', tags: ['a', 'b'] },
			{ group: 'agg', tags: ['a'] },
			{ group: 'agg', tags: ['c', 'a'] }
		]);
		const rows = await Item.aggregate([
			{ $match: { group: 'agg' } },
			{ $unwind: '$tags' },
			{ $group: { _id: '$tags', count: { $sum: 1 } } },
			{ $sort: { count: -1, _id: 1 } }
		]);
		expect(rows).toEqual([
			{ _id: 'a', count: 3 },
			{ _id: 'b', count: 1 },
			{ _id: 'c', count: 1 }
		]);
	});

	it('counts with countDocuments and estimatedDocumentCount', async () => {
		await Item.insertMany([{ group: 'count' }, { group: 'count' }]);
		expect(await Item.countDocuments({ group: 'count' })).toBe(2);
		expect(await Item.estimatedDocumentCount()).toBeGreaterThanOrEqual(2);
	});

	it('runs unordered bulk writes and reports each kind of change', async () => {
		const result = await Item.bulkWrite(
			[
				{ insertOne: { document: { group: 'bulk', n: 1 } } },
				{ updateOne: { filter: { group: 'bulk', n: 1 }, update: { $set: { n: 2 } } } },
				{
					updateOne: { filter: { group: 'bulk', n: 9 }, update: { $set: { n: 9 } }, upsert: true }
				},
				{ deleteOne: { filter: { group: 'nothing' } } }
			],
			{ ordered: false }
		);
		expect(result.insertedCount).toBe(1);
		expect(result.modifiedCount).toBe(1);
		expect(result.upsertedCount).toBe(1);
	});

	it('deletes expired records by an indexed date range (the app-side TTL)', async () => {
		await Expiring.init();
		const now = Date.now();
		await Expiring.insertMany([
			{ expiresAt: new Date(now - 1000) },
			{ expiresAt: new Date(now + 60_000) }
		]);
		const result = await Expiring.deleteMany({ expiresAt: trusted({ $lte: new Date(now) }) });
		expect(result.deletedCount).toBe(1);
		expect(await Expiring.countDocuments({})).toBe(1);
	});

	it('matches arrays by element and by $in, and upserts with $setOnInsert', async () => {
		await Item.create({ group: 'arr', tags: ['x', 'y'] });
		expect(await Item.countDocuments({ tags: 'x' })).toBe(1);
		expect(await Item.countDocuments({ tags: trusted({ $in: ['y', 'z'] }) })).toBe(1);
		await Item.updateOne({ group: 'upsert' }, { $setOnInsert: { n: 1 } }, { upsert: true });
		await Item.updateOne({ group: 'upsert' }, { $setOnInsert: { n: 2 } }, { upsert: true });
		expect((await Item.findOne({ group: 'upsert' }).lean())?.n).toBe(1);
	});

	it('anchored prefix regex on an indexed field', async () => {
		await Item.insertMany([{ group: 'rx-alpha' }, { group: 'rx-beta' }, { group: 'other' }]);
		expect(await Item.countDocuments({ group: /^rx-/ })).toBe(2);
	});

	it('neutralises operator injection through sanitizeFilter', async () => {
		await Item.create({ group: 'secret', n: 1 });
		const userInput = JSON.parse('{"$ne": "x"}');
		// Without sanitizeFilter this would match every document; with it the operator becomes
		// a literal value that cannot even be cast to the field's type.
		await expect(Item.countDocuments({ group: userInput })).rejects.toThrow(
			/Cast to string failed/
		);
		const whereInput = JSON.parse('{"$where": "true"}');
		await expect(Item.find(whereInput).lean()).rejects.toThrow();
	});

	it('stores, reads back and deletes a file with GridFS (uploads)', async () => {
		const bucket = new mongoose.mongo.GridFSBucket(mongoose.connection.db!, {
			bucketName: 'compatfiles'
		});
		// Three chunks and a bit: the last chunk is short, the order of chunks matters.
		const bytes = randomBytes(3 * 255 * 1024 + 1234);
		const upload = bucket.openUploadStream('probe.bin');
		await pipeline(Readable.from([bytes]), upload);
		const indexes = await mongoose.connection.db!.collection('compatfiles.chunks').indexes();
		expect(indexes.find((i) => i.unique)?.key).toEqual({ files_id: 1, n: 1 });
		await expect(
			mongoose.connection
				.db!.collection('compatfiles.chunks')
				.insertOne({ files_id: upload.id, n: 0, data: Buffer.from('x') })
		).rejects.toMatchObject({ code: 11000 });
		const read: Buffer[] = [];
		for await (const chunk of bucket.openDownloadStream(upload.id)) read.push(chunk as Buffer);
		const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
		expect(sha(Buffer.concat(read))).toBe(sha(bytes));
		const ranged: Buffer[] = [];
		for await (const chunk of bucket.openDownloadStream(upload.id, {
			start: 300_000,
			end: 300_010
		}))
			ranged.push(chunk as Buffer);
		expect(Buffer.concat(ranged)).toEqual(bytes.subarray(300_000, 300_010));
		await bucket.delete(upload.id);
		expect(await mongoose.connection.db!.collection('compatfiles.chunks').countDocuments()).toBe(0);
		expect(await bucket.find({ _id: upload.id }).toArray()).toEqual([]);
	});
});
