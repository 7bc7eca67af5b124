import { trusted } from 'mongoose';
import { can, type Actor, type ChannelResource } from '../auth/permissions';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { Channel, ChannelRead, Member } from '../db/models';
import { findChannelInfo, toChannelInfo, type ChannelInfo } from './cache/channel-info';
import { ChatError } from './errors';

export type { ChannelInfo };

export const generalChannelSlug = 'alumni';

export interface ChannelListItem extends ChannelInfo {
	lastSeq: number;
	unread: number;
	lastMessageAt: string | null;
}

export const asResource = (c: ChannelInfo): ChannelResource => ({
	kind: c.kind,
	cohortId: c.cohortId
});

export const channelRoom = (channelId: string) => `channel:${channelId}`;
/** Tabs that show the channel in their list follow it here, for unread badges only. */
export const watchRoom = (channelId: string) => `channel-watch:${channelId}`;

/** May this member (as stored, e.g. a mentioned one) read the channel? */
export const memberReads = (
	member: { _id: { toString(): string }; roles: string[]; cohortIds: { toString(): string }[] },
	channel: ChannelInfo
) =>
	can(
		{
			id: member._id.toString(),
			roles: member.roles as Actor['roles'],
			cohortIds: member.cohortIds.map(String)
		},
		'channel:read',
		asResource(channel)
	);

/**
 * The channel if the actor may do `action` in it; otherwise ChatError('not_found'), the same
 * answer as for an unknown id, so guessing ids reveals nothing.
 */
export async function requireChannel(
	actor: Actor,
	channelId: string,
	action: 'channel:read' | 'channel:write' = 'channel:read'
): Promise<ChannelInfo> {
	const channel = await findChannelInfo(channelId);
	if (!channel || !can(actor, action, asResource(channel))) throw new ChatError('not_found');
	return channel;
}

let generalEnsured: Promise<void> | null = null;

/** The network-wide alumni channel; created on first use and by the demo seed. */
export function ensureGeneralChannel(): Promise<void> {
	generalEnsured ??= unlessDuplicate(
		() =>
			Channel.updateOne(
				{ kind: 'general', slug: generalChannelSlug },
				{
					$setOnInsert: {
						kind: 'general',
						slug: generalChannelSlug,
						name: 'Alumni-Netzwerk',
						cohortId: null,
						lastSeq: 0
					}
				},
				{ upsert: true }
			),
		// A concurrent instance created it first: the unique slug index refused ours.
		() => null
	)
		.then(() => undefined)
		.catch((err: unknown) => {
			generalEnsured = null;
			throw err;
		});
	return generalEnsured;
}

/** Channels the actor may read, with unread counts; general first, then cohorts by name. */
export async function listChannels(actor: Actor): Promise<ChannelListItem[]> {
	if (!can(actor, 'channel:list')) return [];
	await ensureGeneralChannel();
	const kinds = trusted({ $in: ['general', 'cohort'] });
	const rows = await Channel.find(
		{ kind: kinds },
		{ kind: 1, name: 1, slug: 1, cohortId: 1, lastSeq: 1, lastMessageAt: 1 }
	)
		.sort({ kind: 1, name: 1 })
		.limit(500)
		.lean();
	const visible = rows.filter((c) => can(actor, 'channel:read', asResource(toChannelInfo(c))));
	const reads = await ChannelRead.find(
		{ memberId: oid(actor.id), channelId: trusted({ $in: visible.map((c) => c._id) }) },
		{ channelId: 1, lastReadSeq: 1 }
	).lean();
	const readSeq = new Map(reads.map((r) => [r.channelId.toString(), r.lastReadSeq]));
	const items = visible.map((c) => {
		const lastSeq = c.lastSeq ?? 0;
		return {
			...toChannelInfo(c),
			lastSeq,
			unread: Math.max(0, lastSeq - (readSeq.get(c._id.toString()) ?? 0)),
			lastMessageAt: c.lastMessageAt ? c.lastMessageAt.toISOString() : null
		};
	});
	const rank = (c: ChannelListItem) => (c.kind === 'general' ? 0 : 1);
	return items.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'de'));
}

/** A channel by its slug for the page, or null when unknown or not readable (404 alike). */
export async function findReadableChannelBySlug(
	actor: Actor,
	slug: string
): Promise<ChannelInfo | null> {
	if (slug === generalChannelSlug) await ensureGeneralChannel();
	const doc = await Channel.findOne({ slug }, { kind: 1, name: 1, slug: 1, cohortId: 1 }).lean();
	if (!doc) return null;
	const info = toChannelInfo(doc);
	return can(actor, 'channel:read', asResource(info)) ? info : null;
}

export interface ChannelMember {
	id: string;
	name: string;
	handle: string;
}

/** Members who can read the channel, for @mention autocomplete (bounded). */
export async function listChannelMembers(channel: ChannelInfo): Promise<ChannelMember[]> {
	const filter: Record<string, unknown> = { deactivatedAt: null };
	if (channel.kind === 'cohort' && channel.cohortId) filter.cohortIds = oid(channel.cohortId);
	const rows = await Member.find(filter, { displayName: 1, handle: 1, roles: 1, cohortIds: 1 })
		.sort({ sortName: 1 })
		.limit(1000)
		.lean();
	return rows
		.filter((m) => memberReads(m, channel))
		.map((m) => ({ id: m._id.toString(), name: m.displayName, handle: m.handle }));
}
