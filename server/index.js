// Production entry: one HTTP server for SvelteKit (build/handler.js) and Socket.IO.
import { createServer } from 'node:http';
import { attachSocketServer } from './socket-server.js';

function fail(message) {
	console.error(message);
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	fail(
		`Configuration error: PORT must be a whole number from 0 to 65535, got "${process.env.PORT}"`
	);
}
const host = process.env.HOST || '0.0.0.0';
const production = process.env.NODE_ENV === 'production';

// Without ORIGIN, Kit's node adapter assumes https, so on plain http://localhost its CSRF check
// refuses every form (403). Outside production the app is then served over http on whatever
// host the browser used: a header only this server sets tells the adapter the protocol.
// Production keeps ORIGIN required (the configuration check stops the start without it).
const localHttp = !process.env.ORIGIN && !production;
const localProtocolHeader = 'x-netzwerk-local-protocol';
if (localHttp) process.env.PROTOCOL_HEADER = localProtocolHeader;

/** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | undefined} */
let kitHandler;
const httpServer = createServer((req, res) => {
	if (localHttp) req.headers[localProtocolHeader] = 'http';
	if (kitHandler) return kitHandler(req, res);
	res.statusCode = 503;
	res.end('starting');
});
// Socket.IO must see the server before Kit does: it takes /socket.io/ requests out of the chain.
const io = attachSocketServer(httpServer);

// Workshop materials may be 25 MB (plus the form around them); adapter-node's default request
// body limit is 512 KB. Routes without files keep 3 MB (src/lib/server/uploads/body-limit.ts).
process.env.BODY_SIZE_LIMIT ??= '26M';

let handler;
try {
	// Importing the handler runs the app's init hook: configuration check, database, demo data.
	({ handler } = await import('../build/handler.js'));
} catch (err) {
	if (err && typeof err === 'object' && 'code' in err && err.code === 'ERR_MODULE_NOT_FOUND') {
		fail('The app is not built yet: run "npm run build" first (npm start does both).');
	}
	fail(
		err instanceof Error && err.name === 'ConfigError'
			? err.message
			: `Start failed: ${err?.stack ?? err}`
	);
}
kitHandler = (req, res) =>
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});

httpServer.on('error', (err) => {
	if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EADDRINUSE') {
		fail(`Port ${port} is already in use: stop the other program or set PORT to a free port.`);
	}
	fail(`Server error: ${err.message}`);
});
httpServer.listen(port, host, () => {
	const address = httpServer.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const url =
		process.env.ORIGIN ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
	console.log(
		JSON.stringify({
			time: new Date().toISOString(),
			level: 'info',
			msg: 'Listening',
			url,
			origin: localHttp ? 'local http (ORIGIN unset, not production)' : process.env.ORIGIN
		})
	);
	console.log(
		localHttp
			? `\nNetzwerk läuft auf ${url} (lokal über http, da ORIGIN nicht gesetzt ist; in Produktion ORIGIN setzen). Beenden mit Strg+C.\n`
			: `\nNetzwerk läuft auf ${url}. Beenden mit Strg+C.\n`
	);
});

let shuttingDown = false;
async function shutdown(signal) {
	if (shuttingDown) return;
	shuttingDown = true;
	console.log(
		JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'Shutting down', signal })
	);
	const timeout = setTimeout(
		() => process.exit(1),
		Number(process.env.SHUTDOWN_TIMEOUT ?? 10) * 1000
	);
	timeout.unref();
	// Stop taking connections, let running requests finish, then close sockets and the database.
	const closed = new Promise((resolve) => httpServer.close(resolve));
	httpServer.closeIdleConnections();
	await new Promise((resolve) => io.close(() => resolve(undefined)));
	await closed;
	// adapter-node's own event: the app's hook closes the database and the embedded server.
	const listeners = process.listeners('sveltekit:shutdown');
	await Promise.all(listeners.map((listener) => listener(signal)));
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
