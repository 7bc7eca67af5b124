import mongoose from 'mongoose';
import { config } from '../config';
import { errorFields, log } from '../log';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

// Reject operator objects ({ $gt: '' }) smuggled into query filters from user input.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
// While the database is away, queue operations briefly, then fail (a 503), not for 10 s.
mongoose.set('bufferTimeoutMS', 3000);

interface DatabaseState {
	closing?: boolean;
	connecting?: Promise<typeof mongoose>;
	embedded?: EmbeddedDatabase;
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
		const { MONGODB_URI, DATA_DIR } = config();
		let uri = MONGODB_URI;
		if (!uri) {
			state.embedded = await startEmbeddedDatabase({ dataDir: `${DATA_DIR}/db` });
			uri = state.embedded.uri;
			log.info('Embedded database started', {
				port: state.embedded.port,
				dataDir: state.embedded.dataDir
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
