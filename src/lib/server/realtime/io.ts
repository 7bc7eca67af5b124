import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '$lib/realtime/events';

export type IO = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;

const key = Symbol.for('netzwerk.io');

/** The process's Socket.IO server, created by server/socket-server.js; undefined in unit tests. */
export function getIO(): IO | undefined {
	return (globalThis as Record<symbol, unknown>)[key] as IO | undefined;
}
