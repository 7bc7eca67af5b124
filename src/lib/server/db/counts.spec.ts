import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { documentCount } from './counts';

useTestDatabase('document_counts');

const Probe = mongoose.model('DocumentCountProbe', new Schema({ n: Number }));

describe('the number of documents in a collection', () => {
	it('follows inserts and deletes at once, and is 0 for a collection never written', async () => {
		expect(await documentCount(Probe)).toBe(0);
		await Probe.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
		expect(await documentCount(Probe)).toBe(3);
		await Probe.deleteOne({ n: 2 });
		expect(await documentCount(Probe)).toBe(2);
	});
});
