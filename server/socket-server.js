import { Server } from 'socket.io';

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
