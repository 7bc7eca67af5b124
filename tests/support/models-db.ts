import mongoose, { type Model } from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { databaseUri } from './db';

/**
 * Like useTestDatabase, but builds the indexes of the named models only: a spec does not
 * depend on every other domain's index definitions being accepted by the embedded server.
 */
export function useModelsTestDatabase(name: string, models: Model<never>[]) {
	const dbName = `${name}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-zA-Z0-9_]/g, '_');
	beforeAll(async () => {
		await mongoose.connect(databaseUri(dbName), {
			serverSelectionTimeoutMS: 10_000,
			autoIndex: false
		});
		await Promise.all(models.map((m) => m.init().then(() => m.createIndexes())));
	});
	afterAll(async () => {
		await mongoose.connection.dropDatabase().catch(() => undefined);
		await mongoose.disconnect();
	});
	return dbName;
}
