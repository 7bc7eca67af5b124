import * as db from './db';

/** Readiness of this instance: null when it can serve, else the reason it cannot. */
export function readinessProblem(): Promise<string | null> {
	return db.checkDatabase();
}

/** Liveness of this process: null while it should keep running, else why it should be restarted. */
export function livenessProblem(): string | null {
	return db.livenessProblem();
}
