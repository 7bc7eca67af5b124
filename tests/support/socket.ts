import { io as connect, type Socket } from 'socket.io-client';

/** A Socket.IO client as a browser tab of the given session would open it (origin null: none). */
export function openSocket(
	url: string,
	options: { cookie?: string; origin?: string | null } = {}
): Socket {
	return connect(url, {
		transports: ['websocket'],
		reconnection: false,
		forceNew: true,
		extraHeaders: {
			...(options.origin === null ? {} : { origin: options.origin ?? url }),
			...(options.cookie ? { cookie: options.cookie } : {})
		}
	});
}

/** Resolves when connected; rejects with the server's refusal (connect_error message). */
export function connected(socket: Socket, timeoutMs = 5000): Promise<Socket> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('connect timeout')), timeoutMs);
		socket.once('connect', () => {
			clearTimeout(timer);
			resolve(socket);
		});
		socket.once('connect_error', (err) => {
			clearTimeout(timer);
			reject(err);
		});
	});
}

/** Resolves when the server drops the socket. */
export function disconnected(socket: Socket, timeoutMs = 5000): Promise<string> {
	return new Promise((resolve, reject) => {
		if (!socket.connected) return resolve('already');
		const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
		socket.once('disconnect', (reason) => {
			clearTimeout(timer);
			resolve(reason);
		});
	});
}

/** Everything the socket receives of one event from now on. */
export function collect<T>(socket: Socket, event: string): T[] {
	const received: T[] = [];
	socket.on(event, (payload: T) => received.push(payload));
	return received;
}

/** Resolves with the next payload of the event (rejects after the timeout). */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no ${event}`)), timeoutMs);
		socket.once(event, (payload: T) => {
			clearTimeout(timer);
			resolve(payload);
		});
	});
}
