import { createRequire } from 'node:module';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/support/db';
import { installDriverFixes } from './driver-fixes';

useTestDatabase('driver_fixes');

// The driver's own connection, as its pool makes them, to reach the moment between hand-over
// and write that a dying database process hits by chance.
const require = createRequire(import.meta.url);
const { connect } = require('mongodb/lib/cmap/connect.js') as {
	connect(options: Record<string, unknown>): Promise<DriverConnection>;
};
const { HostAddress, MongoDBNamespace } = require('mongodb/lib/utils.js') as {
	HostAddress: { fromString(address: string): unknown };
	MongoDBNamespace: { fromString(ns: string): unknown };
};
const { CancellationToken } = require('mongodb/lib/mongo_types.js') as {
	CancellationToken: new () => unknown;
};
interface DriverConnection {
	socket: { destroy(): void };
	command(ns: unknown, command: Record<string, unknown>, options: object): Promise<unknown>;
	destroy(): void;
}

async function driverConnection(): Promise<DriverConnection> {
	const { host, port } = mongoose.connection;
	return connect({
		id: 1,
		generation: 0,
		hostAddress: HostAddress.fromString(`${host}:${port}`),
		cancellationToken: new CancellationToken(),
		metadata: {},
		extendedMetadata: Promise.resolve({}),
		loadBalanced: false,
		connectTimeoutMS: 5000,
		socketTimeoutMS: 0,
		tls: false,
		noDelay: true
	});
}

const ping = (connection: DriverConnection) =>
	connection.command(MongoDBNamespace.fromString('admin.$cmd'), { ping: 1 }, {});

/** The command's outcome, or "still waiting" when it has not settled within two seconds. */
const outcome = (command: Promise<unknown>) =>
	Promise.race([
		command.then(
			() => 'answered',
			(err: Error) => `failed: ${err.message}`
		),
		new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 2000))
	]);

describe('driver fixes', () => {
	installDriverFixes();

	it('a command whose connection closes before it is written fails at once instead of waiting forever', async () => {
		const connection = await driverConnection();
		const command = ping(connection);
		// The socket goes while the command is being serialised, as when the database dies.
		connection.socket.destroy();
		expect(await outcome(command)).toMatch(/^failed: connection 1 to .* closed$/);
	});

	it('commands on a healthy connection still answer, one after another', async () => {
		const connection = await driverConnection();
		for (let i = 0; i < 3; i++) expect(await outcome(ping(connection))).toBe('answered');
		connection.destroy();
	});
});
