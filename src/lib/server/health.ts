import * as db from './db';

/** Readiness of this instance: null when it can serve, else the reason it cannot. */
export function readinessProblem(): Promise<string | null> {
	return db.checkDatabase();
}
