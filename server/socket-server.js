import { Server } from 'socket.io';
import { WebSocketServer } from 'ws';

/**
 * ws emits every message of a received chunk in one go by default: a client that sends
 * thousands of events at once would hold the event loop for all of them, and every other
 * request waits. With this, each socket gets one message per turn of the event loop.
 */
class FairWebSocketServer extends WebSocketServer {
	/** @param {import('ws').ServerOptions} options @param {() => void} [callback] */
	constructor(options, callback) {
		super({ ...options, allowSynchronousEvents: false }, callback);
	}
}

/**
 * Creates the one Socket.IO server of this process on the given HTTP server and keeps it on
 * globalThis: the Vite config, Vite's SSR module graph and build/ each load their own copy
 * of the app's modules, and all of them must find the same server (see getIO()).
 * Used by the Vite dev plugin and by the production entry alike.
 *
 * @param {import('node:http').Server} httpServer
 */
export function attachSocketServer(httpServer) {
	const io = new Server(httpServer, {
		// Chat payloads are small; 64 KB leaves room for a long message and caps abuse.
		maxHttpBufferSize: 64 * 1024,
		wsEngine: FairWebSocketServer,
		// Compression costs more CPU than it saves bandwidth for small chat frames.
		perMessageDeflate: false,
		httpCompression: false,
		// Same-origin only: no CORS headers at all. The Origin header is checked on connect.
		cors: undefined,
		serveClient: false,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		connectTimeout: 10_000
	});
	/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('netzwerk.io')] = io;
	return io;
}
