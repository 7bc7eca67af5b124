// The bare baseline of the benchmarks, run as its own process like the app: the same pages as
// fixed bytes (no rendering, no session check, no database) and the same Socket.IO server
// settings with a chat that only numbers and fans out (no authentication, no storage), and a
// note save that only broadcasts the posted note to a room.
// `node bench/bare-server.js <port>`; prints "listening" when ready.
import { createServer } from 'node:http';
import { attachSocketServer } from '../server/socket-server.js';

/** @type {Map<string, { type: string, body: Buffer }>} */
const pages = new Map();

/**
 * The request's body, then `done` with it.
 * @param {import('node:http').IncomingMessage} req
 * @param {(body: Buffer) => void} done
 */
function readBody(req, done) {
	/** @type {Buffer[]} */
	const chunks = [];
	req.on('data', (chunk) => chunks.push(chunk));
	req.on('end', () => done(Buffer.concat(chunks)));
}

const server = createServer((req, res) => {
	if (req.method === 'PUT') {
		// The benchmark registers a page's bytes, as the app answered them, under a path.
		readBody(req, (body) => {
			pages.set(req.url ?? '/', { type: req.headers['content-type'] ?? 'text/html', body });
			res.writeHead(204).end();
		});
		return;
	}
	if (req.method === 'POST' && req.url?.startsWith('/note/')) {
		// A saved note, as the app would broadcast it: one request, one event to the room.
		const room = decodeURIComponent(req.url.slice('/note/'.length));
		readBody(req, (body) => {
			io.to(room).emit('note:updated', JSON.parse(body.toString()));
			res.writeHead(204).end();
		});
		return;
	}
	const page = pages.get(req.url ?? '/');
	if (!page) return void res.writeHead(404).end();
	res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length });
	res.end(page.body);
});

const io = attachSocketServer(server);
let seq = 0;
io.on('connection', (socket) => {
	socket.on('channel:join', ({ channelId }, ack) => {
		socket.join(channelId);
		ack?.({ ok: true });
	});
	socket.on('message:send', ({ channelId, clientId, body }, ack) => {
		seq++;
		io.to(channelId).emit('message:new', { channelId, clientId, body, seq });
		ack?.({ ok: true, seq });
	});
	// A page of history as fixed data: the answer's shape without the database.
	socket.on('message:history', ({ limit = 50 }, ack) => {
		ack?.({ ok: true, data: { messages: historyPage.slice(0, limit) } });
	});
});

const historyPage = Array.from({ length: 200 }, (_, i) => ({
	id: `m${i}`,
	channelId: 'bare',
	seq: i + 1,
	authorId: 'a',
	authorName: 'Bare Server',
	body: `Nachricht ${i} **fett**`,
	html: `<p>Nachricht ${i} <strong>fett</strong></p>`,
	clientId: `c${i}`,
	replyTo: null,
	reactions: {},
	editedAt: null,
	deletedAt: null,
	createdAt: new Date(0).toISOString()
}));

server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
	io.close();
	server.close(() => process.exit(0));
});
