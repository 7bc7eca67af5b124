import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** The browser's one socket to the app, shared by chat, live threads and notifications. */
export const connection = $state<{ status: ConnectionStatus }>({ status: 'idle' });

let socket: AppSocket | null = null;

export function getSocket(): AppSocket {
	if (socket) return socket;
	connection.status = 'connecting';
	socket = io({
		// WebSocket straight away: the browser then always sends the Origin header we check.
		transports: ['websocket'],
		withCredentials: true,
		// Jittered exponential backoff, so thousands of tabs do not return in the same instant.
		reconnectionDelay: 500,
		reconnectionDelayMax: 10_000,
		randomizationFactor: 0.5
	});
	socket.on('connect', () => (connection.status = 'connected'));
	socket.on('disconnect', (reason) => {
		// The server ends sockets on logout or deactivation; then there is nothing to retry.
		connection.status = reason === 'io server disconnect' ? 'closed' : 'reconnecting';
	});
	socket.on('connect_error', (err) => {
		const final = err.message === 'unauthorized' || err.message === 'forbidden_origin';
		connection.status = final ? 'closed' : 'reconnecting';
		// A handshake the server refused for a passing reason (database away, throttled) is not
		// retried by Socket.IO itself: try again after a jittered pause.
		if (!final && !socket!.active) setTimeout(() => socket?.connect(), 1000 + Math.random() * 2000);
	});
	return socket;
}

export function closeSocket(): void {
	socket?.close();
	socket = null;
	connection.status = 'idle';
}
