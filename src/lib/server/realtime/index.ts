import { createAdapter } from '@socket.io/redis-adapter';
import { config } from '../config';
import { errorFields, log } from '../log';
import { createRedisClient } from '../redis';
import { chatHandler, refreshChatRooms } from '../chat/socket';
import { forumHandlers, refreshThreadRooms } from '../forum/socket';
import { refreshWorkshopRooms, workshopHandlers } from '../workshops/live-room';
import { authenticateSocket } from './auth';
import { eventGate } from './gate';
import { getIO, type AppSocket, type IO } from './io';
import { listenForRightsChanges, onRightsChange, type RoomRefresher } from './rights';

export { getIO } from './io';
export { refreshMemberSockets } from './rights';

interface Domain {
	/** Adds the domain's event handlers to a new socket. */
	handle: (io: IO, socket: AppSocket) => void;
	/** Brings the domain's rooms in line with the member's rights after they changed. */
	refreshRooms: RoomRefresher;
}

/** Each domain with socket events (chat, forum) adds itself here. */
const domains: Domain[] = [
	{ handle: chatHandler, refreshRooms: refreshChatRooms },
	{ handle: forumHandlers, refreshRooms: refreshThreadRooms },
	{ handle: workshopHandlers, refreshRooms: refreshWorkshopRooms }
];
for (const domain of domains) onRightsChange(domain.refreshRooms);

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
	listenForRightsChanges(io);
	io.on('connection', (socket) => {
		// Personal rooms: notifications reach every tab, logout reaches exactly one session.
		void socket.join([`user:${socket.data.memberId}`, `session:${socket.data.sessionId}`]);
		socket.use(eventGate(socket));
		for (const domain of domains) domain.handle(io, socket);
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
