import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import '../../src/lib/server/db/connection';

/** The server part of the run's database URI, for tests that start their own processes. */
export function mongoBaseUri(): string {
	return inject('mongoBaseUri');
}

export function databaseUri(name: string): string {
	const base = mongoBaseUri();
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
}

/**
 * Connects mongoose to a database of the test file's own for the file's lifetime; indexes
 * are built first, as the app does at start.
 */
export function useTestDatabase(name: string) {
	const dbName = `${name}_${process.pid}_${Date.now().toString(36)}`.replace(/[^a-zA-Z0-9_]/g, '_');
	beforeAll(async () => {
		await mongoose.connect(databaseUri(dbName), { serverSelectionTimeoutMS: 10_000 });
		await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
	});
	afterAll(async () => {
		await mongoose.connection.dropDatabase().catch(() => undefined);
		await mongoose.disconnect();
	});
	return dbName;
}
