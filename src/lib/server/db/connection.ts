import mongoose from 'mongoose';
import { config } from '../config';
import { errorFields, log } from '../log';
import { installDriverFixes } from './driver-fixes';
import { startEmbeddedDatabase } from './embedded';
import { superviseEmbeddedDatabase, type Supervisor } from './supervise';

// Reject operator objects ({ $gt: '' }) smuggled into query filters from user input.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// While the database is away, queue operations briefly, then fail (a 503), not for 10 s.
mongoose.set('bufferTimeoutMS', 3000);
// Before the first connection: commands must not wait forever on a connection that closed.
installDriverFixes();

interface DatabaseState {
	closing?: boolean;
	connecting?: Promise<typeof mongoose>;
	embedded?: Supervisor;
}

// Vite's dev server and the production bundle may load this module more than once.
const key = Symbol.for('netzwerk.database');
const state: DatabaseState = ((globalThis as Record<symbol, unknown>)[key] ??= {}) as DatabaseState;

let listenersAttached = false;
function attachListeners() {
	if (listenersAttached) return;
	listenersAttached = true;
	mongoose.connection.on('disconnected', () => {
		if (!state.closing)
			log.warn('Database connection lost; waiting for the database to come back, retrying');
	});
	mongoose.connection.on('reconnected', () => log.info('Database connection restored'));
	mongoose.connection.on('error', (err) => log.error('Database error', errorFields(err)));
}

/** Connects once per process; starts the embedded server first when MONGODB_URI is unset. */
export function connectDatabase(): Promise<typeof mongoose> {
	state.connecting ??= (async () => {
		const { MONGODB_URI, DATA_DIR, EMBEDDED_DB_RESTART_LIMIT } = config();
		let uri = MONGODB_URI;
		if (!uri) {
			const embedded = await startEmbeddedDatabase({ dataDir: `${DATA_DIR}/db` });
			state.embedded = superviseEmbeddedDatabase(embedded, {
				giveUpAfterMs: EMBEDDED_DB_RESTART_LIMIT * 1000
			});
			uri = embedded.uri;
			log.info('Embedded database started', {
				port: embedded.port,
				dataDir: embedded.dataDir,
				pid: embedded.process.pid
			});
		}
		attachListeners();
		return mongoose.connect(uri, {
			serverSelectionTimeoutMS: 5000,
			heartbeatFrequencyMS: 2000,
			maxPoolSize: 20
		});
	})();
	state.connecting.catch(() => (state.connecting = undefined));
	return state.connecting;
}

export function isDatabaseConnected(): boolean {
	return mongoose.connection.readyState === mongoose.ConnectionStates.connected;
}

/** Pings the database within `timeoutMs`; resolves to a reason string when it is not reachable. */
export async function checkDatabase(timeoutMs = 2000): Promise<string | null> {
	const embeddedProblem = state.embedded?.problem();
	if (embeddedProblem) return embeddedProblem;
	if (!isDatabaseConnected() || !mongoose.connection.db) return 'database not connected';
	try {
		await Promise.race([
			mongoose.connection.db.admin().ping(),
			new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), timeoutMs))
		]);
		return null;
	} catch (err) {
		return `database not reachable: ${err instanceof Error ? err.message : String(err)}`;
	}
}

/**
 * Why this process should be restarted, or null: the embedded database has been down for
 * longer than EMBEDDED_DB_RESTART_LIMIT and restarting it keeps failing.
 */
export function livenessProblem(): string | null {
	return state.embedded?.failing() ? state.embedded.problem() : null;
}

export async function disconnectDatabase(): Promise<void> {
	state.closing = true;
	await mongoose.disconnect();
	state.closing = false;
	state.connecting = undefined;
	if (state.embedded) {
		await state.embedded.stop();
		state.embedded = undefined;
	}
}

/** True for errors that mean "the database is away", not "the request is wrong". */
export function isDatabaseUnavailableError(err: unknown): boolean {
	if (!(err instanceof Error)) return false;
	return (
		err.name === 'MongoServerSelectionError' ||
		err.name === 'MongoNetworkError' ||
		err.name === 'MongoNotConnectedError' ||
		err.name === 'MongoTopologyClosedError' ||
		/buffering timed out|before initial connection|Client must be connected/i.test(err.message)
	);
}
