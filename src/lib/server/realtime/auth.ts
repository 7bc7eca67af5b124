import { parse } from 'cookie';
import type { Socket } from 'socket.io';
import * as auth from '../auth';
import { config } from '../config';
import { isDatabaseUnavailableError } from '../db';
import * as limits from '../limits';

function expectedOrigin(headers: Socket['handshake']['headers']): string | null {
	const configured = config().ORIGIN;
	if (configured) return new URL(configured).origin;
	const host = headers.host;
	if (!host) return null;
	const proto = headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
	return `${proto}://${host}`;
}

/**
 * Socket.IO middleware: same-origin check (CORS does not cover WebSockets), connection
 * throttling per address, then the session cookie through the same validation as pages.
 */
export async function authenticateSocket(socket: Socket, next: (err?: Error) => void) {
	const { headers, address } = socket.handshake;
	if (config().SOCKET_CONNECT_LIMIT === 'on' && !(await limits.take('socketConnect', address))) {
		return next(new Error('rate_limited'));
	}

	const origin = headers.origin;
	const sameSiteFetch = !origin && headers['sec-fetch-site'] === 'same-origin';
	if (!sameSiteFetch && (!origin || origin !== expectedOrigin(headers))) {
		return next(new Error('forbidden_origin'));
	}

	const token = parse(headers.cookie ?? '')[auth.sessionCookieName];
	try {
		const { session, member } = await auth.validateSessionToken(token);
		if (!session) return next(new Error('unauthorized'));
		socket.data.memberId = member.id;
		socket.data.sessionId = session.id;
		socket.data.roles = member.roles;
		socket.data.cohortIds = member.cohortIds;
		socket.data.displayName = member.displayName;
		socket.data.locale = member.locale;
		next();
	} catch (err) {
		next(new Error(isDatabaseUnavailableError(err) ? 'unavailable' : 'unexpected'));
	}
}
