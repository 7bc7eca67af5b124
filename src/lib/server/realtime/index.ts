import { createAdapter } from '@socket.io/redis-adapter';
import { config } from '../config';
import { errorFields, log } from '../log';
import { createRedisClient } from '../redis';
import { chatHandler } from '../chat/socket';
import { forumHandlers } from '../forum/socket';
import { authenticateSocket } from './auth';
import { eventGate } from './gate';
import { getIO, type IO } from './io';

export { getIO } from './io';

type ConnectionHandler = (io: IO, socket: Parameters<Parameters<IO['on']>[1]>[0]) => void;

/** Each domain (chat, forum, notifications) adds its socket event handlers here. */
const handlers: ConnectionHandler[] = [chatHandler, forumHandlers];

const registered = Symbol.for('netzwerk.io.registered');

/**
 * Wires authentication, rooms and the domains' event handlers onto the process's Socket.IO
 * server. Safe to call more than once (dev server reloads): the first call wins.
 */
export function register(io: IO | undefined = getIO()): void {
	if (!io) return; // unit tests and scripts run without a socket server
	const flagged = io as unknown as Record<symbol, boolean>;
	if (flagged[registered]) return;
	flagged[registered] = true;

	const { REDIS_URL } = config();
	if (REDIS_URL) void attachRedisAdapter(io, REDIS_URL);

	io.use(authenticateSocket);
	io.on('connection', (socket) => {
		// Personal rooms: notifications reach every tab, logout reaches exactly one session.
		void socket.join([`user:${socket.data.memberId}`, `session:${socket.data.sessionId}`]);
		socket.use(eventGate(socket));
		for (const handler of handlers) handler(io, socket);
	});
}

async function attachRedisAdapter(io: IO, url: string) {
	const meanwhile = 'Socket.IO messages between instances wait for it';
	const pub = createRedisClient(url, meanwhile);
	const sub = createRedisClient(url, meanwhile);
	try {
		await Promise.all([pub.connect(), sub.connect()]);
		io.adapter(createAdapter(pub, sub));
		log.info('Socket.IO Redis adapter connected');
	} catch (err) {
		log.error(
			'Cannot connect to Redis (REDIS_URL); running without the Redis adapter',
			errorFields(err)
		);
	}
}
