import mongoose, { type Model, type Schema } from 'mongoose';

/** Registers a model once per process: Vite's dev server re-evaluates modules on change. */
export function defineModel<T>(name: string, schema: Schema<T>): Model<T> {
	return (mongoose.models[name] as Model<T> | undefined) ?? mongoose.model<T>(name, schema);
}

const queryWrites = [
	'updateOne',
	'updateMany',
	'replaceOne',
	'deleteOne',
	'deleteMany',
	'findOneAndUpdate',
	'findOneAndReplace',
	'findOneAndDelete'
] as const;

/**
 * Calls `changed` after every write through the schema's model (saved documents, updates and
 * deletes by query, bulk inserts and writes), so a cache of its data cannot miss a writer.
 * `exceptBulkWrites`: bulk writes are bookkeeping the cache's readers take from elsewhere.
 * Must run before the model is defined.
 */
export function afterEveryWrite(
	schema: Schema,
	changed: () => void,
	{ exceptBulkWrites = false } = {}
): void {
	schema.post([...queryWrites], { document: false, query: true }, () => changed());
	schema.post(['save', 'updateOne', 'deleteOne'], { document: true, query: false }, () =>
		changed()
	);
	schema.post('insertMany', () => changed());
	if (!exceptBulkWrites) schema.post('bulkWrite', () => changed());
}
