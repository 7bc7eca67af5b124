import { Types, trusted } from 'mongoose';
import { Member, Session, type Role } from '../db/models';
import { getIO } from '../realtime/io';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;
/** Expiry slides forward only when less than this is left: one write per 15 days, not per request. */
const renewWhenLeftMs = 15 * day;
/** lastUsedAt is informational (settings page); refresh it at most every 5 minutes. */
const touchEveryMs = 5 * 60 * 1000;

export interface SessionMember {
	id: string;
	displayName: string;
	email: string;
	roles: Role[];
	cohortIds: string[];
	municipalityId: string | null;
	locale: 'de' | 'en';
	hasAvatar: boolean;
	avatarVersion: number;
}

export interface SessionInfo {
	id: string;
	expiresAt: Date;
	/** True when expiresAt moved: the cookie must be sent again with the new expiry. */
	renewed: boolean;
}

export type SessionValidation =
	{ session: SessionInfo; member: SessionMember } | { session: null; member: null };

const none: SessionValidation = { session: null, member: null };

export async function createSession(
	memberId: string,
	userAgent = ''
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const now = new Date();
	const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
	await Session.create({
		_id: hashToken(token),
		memberId: new Types.ObjectId(memberId),
		expiresAt,
		lastUsedAt: now,
		userAgent: userAgent.slice(0, 300)
	});
	// Signing in is activity: "zuletzt aktiv" must not wait for the next throttled touch.
	await Member.updateOne({ _id: new Types.ObjectId(memberId) }, { $set: { lastSeenAt: now } });
	return { token, expiresAt };
}

/**
 * The one check behind every request and every socket connection: token -> session -> member.
 * Deactivated members and expired sessions are refused (and their sessions removed).
 */
export async function validateSessionToken(
	token: string | undefined | null
): Promise<SessionValidation> {
	if (!isWellFormedToken(token)) return none;
	const sessionId = hashToken(token);
	const session = await Session.findById(sessionId).lean();
	if (!session) return none;
	const now = Date.now();
	if (session.expiresAt.getTime() <= now) {
		await Session.deleteOne({ _id: sessionId });
		return none;
	}
	const member = await findActiveMember(session.memberId.toString());
	if (!member) {
		await Session.deleteMany({ memberId: session.memberId });
		return none;
	}

	let expiresAt = session.expiresAt;
	let renewed = false;
	const update: Record<string, Date> = {};
	if (expiresAt.getTime() - now < renewWhenLeftMs) {
		expiresAt = new Date(now + sessionLifetimeMs);
		update.expiresAt = expiresAt;
		renewed = true;
	}
	if (now - session.lastUsedAt.getTime() > touchEveryMs) update.lastUsedAt = new Date(now);
	if (Object.keys(update).length > 0) {
		await Session.updateOne({ _id: sessionId }, { $set: update });
		if (update.lastUsedAt)
			await Member.updateOne(
				{ _id: session.memberId },
				{ $set: { lastSeenAt: update.lastUsedAt } }
			);
	}

	return { session: { id: sessionId, expiresAt, renewed }, member };
}

/**
 * A member as sessions and sockets see them, read fresh from the database: their current
 * roles and cohorts. Null when the member is gone or deactivated.
 */
export async function findActiveMember(memberId: string): Promise<SessionMember | null> {
	if (!Types.ObjectId.isValid(memberId)) return null;
	const member = await Member.findById(new Types.ObjectId(memberId), {
		displayName: 1,
		email: 1,
		roles: 1,
		cohortIds: 1,
		municipalityId: 1,
		locale: 1,
		hasAvatar: 1,
		avatarVersion: 1,
		deactivatedAt: 1
	}).lean();
	if (!member || member.deactivatedAt) return null;
	return {
		id: member._id.toString(),
		displayName: member.displayName,
		email: member.email,
		roles: member.roles as Role[],
		cohortIds: member.cohortIds.map(String),
		municipalityId: member.municipalityId ? member.municipalityId.toString() : null,
		locale: member.locale === 'en' ? 'en' : 'de',
		hasAvatar: member.hasAvatar,
		avatarVersion: member.avatarVersion
	};
}

/** Ends one session and drops the sockets opened with it. */
export async function invalidateSession(sessionId: string): Promise<void> {
	await Session.deleteOne({ _id: sessionId });
	getIO()?.in(`session:${sessionId}`).disconnectSockets(true);
}

/** Ends every session of a member (logout everywhere, password change, deactivation). */
export async function invalidateMemberSessions(
	memberId: string,
	exceptSessionId?: string
): Promise<void> {
	const filter: Record<string, unknown> = { memberId: new Types.ObjectId(memberId) };
	if (exceptSessionId) filter._id = trusted({ $ne: exceptSessionId });
	const sessions = await Session.find(filter, { _id: 1 }).lean();
	await Session.deleteMany(filter);
	const io = getIO();
	if (io) for (const s of sessions) io.in(`session:${s._id}`).disconnectSockets(true);
}

export interface SessionListItem {
	id: string;
	createdAt: Date;
	lastUsedAt: Date;
	userAgent: string;
	current: boolean;
}

export async function listMemberSessions(
	memberId: string,
	currentSessionId: string
): Promise<SessionListItem[]> {
	const sessions = await Session.find({ memberId: new Types.ObjectId(memberId) })
		.sort({ lastUsedAt: -1 })
		.limit(100)
		.lean();
	return sessions.map((s) => ({
		id: s._id,
		createdAt: (s as { createdAt: Date }).createdAt,
		lastUsedAt: s.lastUsedAt,
		userAgent: s.userAgent,
		current: s._id === currentSessionId
	}));
}
