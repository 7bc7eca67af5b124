import { RedisAdapter } from '@socket.io/redis-adapter';
import { findActiveMember, memberChangedHere } from '../auth/sessions';
import { errorFields, log } from '../log';
import { getIO, type AppSocket, type IO } from './io';

/**
 * A member's roles and cohorts can change while their sockets are open (an admin edits them).
 * Every socket event reads them from `socket.data`, so that must follow at once, on every
 * instance, and rooms the member may no longer read must be left, so broadcasts stop too.
 */

/** A domain's rooms after a rights change: leaves what is no longer readable, joins what now is. */
export type RoomRefresher = (socket: AppSocket) => Promise<void>;

const refreshers: RoomRefresher[] = [];

/** Each domain with rooms of its own (chat channels, forum threads) registers here once. */
export function onRightsChange(refresher: RoomRefresher): void {
	if (!refreshers.includes(refresher)) refreshers.push(refresher);
}

const userRoom = (memberId: string) => `user:${memberId}`;

/** Applies the member's current rights to their sockets on this instance; answers how many. */
async function applyHere(io: IO, memberId: string): Promise<number> {
	// Before the reply to the changing instance: once it answers, no instance serves old rights.
	memberChangedHere(memberId);
	const sockets = (await io.local.in(userRoom(memberId)).fetchSockets()).filter(
		(s): s is typeof s & AppSocket => 'conn' in s
	);
	if (sockets.length === 0) return 0;
	const member = await findActiveMember(memberId);
	for (const socket of sockets) {
		if (!member) {
			socket.disconnect(true);
			continue;
		}
		const { roles, cohortIds, displayName, locale } = member;
		Object.assign(socket.data, { roles, cohortIds, displayName, locale });
		for (const refresh of refreshers) await refresh(socket);
		socket.emit('rights:changed');
	}
	return sockets.length;
}

/**
 * Brings the member's live sockets on every instance in line with their rights as stored now.
 * Call after every change of roles, cohorts, workshop rosters or the active flag.
 */
export async function refreshMemberSockets(memberId: string): Promise<void> {
	const io = getIO();
	if (!io) return; // scripts and unit tests run without a socket server
	await applyHere(io, memberId);
	// Only the Redis adapter reaches other instances; the in-memory one would never answer.
	if (!(io.of('/').adapter instanceof RedisAdapter)) return;
	try {
		// Waits for every other instance (the adapter gives up after its requestsTimeout, 5 s).
		await io.serverSideEmitWithAck('member:rights', memberId);
	} catch (err) {
		log.warn('Rights change not confirmed by every instance', { memberId, ...errorFields(err) });
	}
}

/** Lets other instances ask this one to apply a member's rights change. */
export function listenForRightsChanges(io: IO): void {
	io.on('member:rights', (memberId, done) => {
		applyHere(io, memberId)
			.then(done)
			.catch((err: unknown) => {
				log.warn('Applying a rights change failed', { memberId, ...errorFields(err) });
				done(0);
			});
	});
}
