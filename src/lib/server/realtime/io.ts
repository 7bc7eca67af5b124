import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '$lib/realtime/events';

/** Events between app instances (through the Redis adapter). */
export interface InterServerEvents {
	/** Apply a member's current rights to their sockets here; answers when done. */
	'member:rights': (memberId: string, done: (applied: number) => void) => void;
}

export type IO = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	InterServerEvents,
	SocketData
>;

const key = Symbol.for('netzwerk.io');

/** The process's Socket.IO server, created by server/socket-server.js; undefined in unit tests. */
export function getIO(): IO | undefined {
	return (globalThis as Record<symbol, unknown>)[key] as IO | undefined;
}
