import type { Connection } from 'mongoose';

interface Counted {
	db: Connection;
	collection: { collectionName: string };
	estimatedDocumentCount(): PromiseLike<number>;
}

/**
 * How many documents a collection holds, from its statistics: the `count` command behind
 * `estimatedDocumentCount` reads every document on the embedded database (8.6 s for 20,000
 * posts), `collStats` answers from storage (0.3 s there); on MongoDB both read metadata. Falls
 * back to the count where the statistics are refused.
 */
export async function documentCount(model: Counted): Promise<number> {
	try {
		const stats = await model.db.db!.command({ collStats: model.collection.collectionName });
		if (typeof stats.count === 'number') return stats.count;
	} catch {
		// No statistics for this collection (or this server): count it.
	}
	return model.estimatedDocumentCount();
}
