import { Types, trusted } from 'mongoose';
import * as cache from '../cache';
import { Member, Session, type Role } from '../db/models';
import { getIO } from '../realtime/io';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;
/**
 * Expiry slides forward (with lastUsedAt and the member's lastSeenAt) at most once a day per
 * session: one write a day instead of one per request.
 */
const slideEveryMs = day;

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

/** A session as the cache keeps it: plain data, times in milliseconds. */
interface CachedSession {
	memberId: string;
	expiresAt: number;
	lastUsedAt: number;
}

const sessions = cache.named<CachedSession | null>('sessions');
const members = cache.named<SessionMember | null>('members');

function findSession(sessionId: string): Promise<CachedSession | null> {
	return sessions.get(
		sessionId,
		async () => {
			const session = await Session.findById(sessionId, {
				memberId: 1,
				expiresAt: 1,
				lastUsedAt: 1
			}).lean();
			return session
				? {
						memberId: session.memberId.toString(),
						expiresAt: session.expiresAt.getTime(),
						lastUsedAt: session.lastUsedAt.getTime()
					}
				: null;
		},
		(session) => [cache.tags.member(session.memberId)]
	);
}

/**
 * The one check behind every request and every socket connection: token -> session -> member,
 * both from the cache when they were read recently (logout, password change, deactivation and
 * every change of roles or cohorts evict them on all instances). Deactivated members and
 * expired sessions are refused (and their sessions removed).
 */
export async function validateSessionToken(
	token: string | undefined | null
): Promise<SessionValidation> {
	if (!isWellFormedToken(token)) return none;
	const sessionId = hashToken(token);
	const session = await findSession(sessionId);
	if (!session) return none;
	const now = Date.now();
	if (session.expiresAt <= now) {
		await Session.deleteOne({ _id: sessionId });
		cache.invalidate('sessions', sessionId);
		return none;
	}
	const member = await findActiveMember(session.memberId);
	if (!member) {
		await Session.deleteMany({ memberId: oid(session.memberId) });
		cache.invalidateTags(cache.tags.member(session.memberId));
		return none;
	}

	let expiresAt = session.expiresAt;
	let renewed = false;
	if (expiresAt + slideEveryMs <= now + sessionLifetimeMs) {
		expiresAt = now + sessionLifetimeMs;
		renewed = true;
		const at = new Date(now);
		sessions.update(sessionId, (s) => s && { ...s, expiresAt, lastUsedAt: now });
		await Session.updateOne(
			{ _id: sessionId },
			{ $set: { expiresAt: new Date(expiresAt), lastUsedAt: at } }
		);
		await Member.updateOne({ _id: oid(session.memberId) }, { $set: { lastSeenAt: at } });
	}

	return { session: { id: sessionId, expiresAt: new Date(expiresAt), renewed }, member };
}

const oid = (id: string) => new Types.ObjectId(id);

/**
 * A member as sessions and sockets see them: their current roles and cohorts (cached until
 * any change to the member, see `memberChanged`). Null when the member is gone or deactivated.
 */
export function findActiveMember(memberId: string): Promise<SessionMember | null> {
	if (!Types.ObjectId.isValid(memberId)) return Promise.resolve(null);
	return members.get(
		memberId,
		() => readActiveMember(memberId),
		() => [cache.tags.member(memberId)]
	);
}

async function readActiveMember(memberId: string): Promise<SessionMember | null> {
	const member = await Member.findById(oid(memberId), {
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

/**
 * Call after every write to a member (roles, cohorts, profile, deactivation): drops what any
 * instance cached about them, their sessions' view of their rights included.
 */
export function memberChanged(memberId: string): void {
	cache.invalidateTags(cache.tags.member(memberId), cache.tags.directory);
}

/** As memberChanged, on this instance only (another instance made the change and asks). */
export function memberChangedHere(memberId: string): void {
	cache.forgetHere(cache.tags.member(memberId), cache.tags.directory);
}

/** Ends one session and drops the sockets opened with it. */
export async function invalidateSession(sessionId: string): Promise<void> {
	await Session.deleteOne({ _id: sessionId });
	cache.invalidate('sessions', sessionId);
	getIO()?.in(`session:${sessionId}`).disconnectSockets(true);
}

/** Ends every session of a member (logout everywhere, password change, deactivation). */
export async function invalidateMemberSessions(
	memberId: string,
	exceptSessionId?: string
): Promise<void> {
	const filter: Record<string, unknown> = { memberId: new Types.ObjectId(memberId) };
	if (exceptSessionId) filter._id = trusted({ $ne: exceptSessionId });
	const ended = await Session.find(filter, { _id: 1 }).lean();
	await Session.deleteMany(filter);
	cache.invalidate('sessions', ...ended.map((s) => s._id));
	const io = getIO();
	if (io) for (const s of ended) io.in(`session:${s._id}`).disconnectSockets(true);
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
