import { createRequire } from 'node:module';

/**
 * A fix for the MongoDB driver (mongodb 7.x, used through mongoose).
 *
 * When the database process dies, a connection's socket can be closed between the moment a
 * command is handed to it and the moment it is written (the driver awaits the command's
 * serialisation in between). Writing to a destroyed socket neither fails nor ever emits
 * `drain`, and the driver waits for `drain`: the command then never settles, not even after
 * `socketTimeoutMS`. Everything queued behind it waits too (a chat channel's appends, for one).
 * Seen with the embedded database killed under load (tests/integration/database-supervision).
 *
 * The fix lets such a write fail as soon as its connection closes, with the connection's own
 * network error; the driver then retries the command on a fresh connection as it does after
 * any network error.
 */

interface DriverConnection {
	closed: boolean;
	error?: Error;
	once(event: 'close', listener: () => void): unknown;
	off(event: 'close', listener: () => void): unknown;
	writeCommand(command: unknown, options: unknown): Promise<void>;
}

const require = createRequire(import.meta.url);
const closedError = (connection: DriverConnection) =>
	connection.error ?? new Error('connection closed before the command was written');

let installed = false;

export function installDriverFixes(): void {
	if (installed) return;
	installed = true;
	// The driver's own module: mongoose loads the same one (a single mongodb in node_modules).
	const { Connection } = require('mongodb/lib/cmap/connection.js') as {
		Connection: { prototype: DriverConnection };
	};
	const writeCommand = Connection.prototype.writeCommand;
	Connection.prototype.writeCommand = function (this: DriverConnection, command, options) {
		const writing = writeCommand.call(this, command, options);
		let onClose = () => undefined as void;
		const closed = new Promise<never>((_, reject) => {
			onClose = () => reject(closedError(this));
			if (this.closed) onClose();
			else this.once('close', onClose);
		});
		// Whichever loses the race must not surface as an unhandled rejection.
		writing.catch(() => undefined);
		closed.catch(() => undefined);
		return Promise.race([writing, closed]).finally(() => this.off('close', onClose));
	};
}
