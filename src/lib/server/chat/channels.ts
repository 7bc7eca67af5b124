import { trusted } from 'mongoose';
import type { AvatarDto } from '$lib/realtime/events';
import { can, isNetworkMember, type Actor, type ChannelResource } from '../auth/permissions';
import * as cache from '../cache';
import { unlessDuplicate } from '../db/errors';
import { oid } from '../db/ids';
import { Channel, Member } from '../db/models';
import { rosterMemberIds, rosterWorkshopIds, workshopResourceFor } from '../workshops/access';
import { findChannelInfo, toChannelInfo, type ChannelInfo } from './cache/channel-info';
import { tails } from './cache/tail';
import { pendingLastSeq, pendingReadSeq } from './cache/write-behind';
import { readSeqs } from './read-state';
import { ChatError } from './errors';

export type { ChannelInfo };

export const generalChannelSlug = 'alumni';

export interface ChannelListItem extends ChannelInfo {
	lastSeq: number;
	unread: number;
	lastMessageAt: string | null;
}

/**
 * The channel as the rules see it for this member. A workshop channel's readers are the
 * workshop's roster as it is now, so its resource is looked up on every call.
 */
export async function resourceFor(memberId: string, c: ChannelInfo): Promise<ChannelResource> {
	if (c.kind !== 'workshop' || !c.workshopId) return { kind: c.kind, cohortId: c.cohortId };
	const workshop = await workshopResourceFor(memberId, c.workshopId);
	return { kind: c.kind, cohortId: null, ...(workshop ? { workshop } : {}) };
}

const mayDo = async (actor: Actor, action: 'channel:read' | 'channel:write', c: ChannelInfo) =>
	can(actor, action, await resourceFor(actor.id, c));

export const channelRoom = (channelId: string) => `channel:${channelId}`;
/** Tabs that show the channel in their list follow it here, for unread badges only. */
export const watchRoom = (channelId: string) => `channel-watch:${channelId}`;

/** May this member (as stored, e.g. a mentioned one) read the channel? */
export const memberReads = (
	member: { _id: { toString(): string }; roles: string[]; cohortIds: { toString(): string }[] },
	channel: ChannelInfo
) =>
	mayDo(
		{
			id: member._id.toString(),
			roles: member.roles as Actor['roles'],
			cohortIds: member.cohortIds.map(String)
		},
		'channel:read',
		channel
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
	if (!channel || !(await mayDo(actor, action, channel))) throw new ChatError('not_found');
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

interface ListedChannel {
	info: ChannelInfo;
	lastSeq: number;
	lastMessageAt: string | null;
}

/**
 * Every listable channel (general, cohorts, workshops), as stored when read: the list is on
 * every start page. Any write to a channel retires it (models/channel.ts) but the coalesced
 * last-message one: the last message is taken newer from what this instance has seen.
 */
function listableChannels(): Promise<ListedChannel[]> {
	return cache.named<ListedChannel[]>('channels').get(
		'listable',
		async () => {
			const rows = await Channel.find(
				{ kind: trusted({ $in: ['general', 'cohort', 'workshop'] }) },
				{ kind: 1, name: 1, slug: 1, cohortId: 1, workshopId: 1, lastSeq: 1, lastMessageAt: 1 }
			)
				.limit(5000)
				.lean();
			return rows.map((c) => ({
				info: toChannelInfo(c),
				lastSeq: c.lastSeq ?? 0,
				lastMessageAt: c.lastMessageAt ? c.lastMessageAt.toISOString() : null
			}));
		},
		() => [cache.tags.channels]
	);
}

/** The channel's newest message: as listed, as noted here, or as any instance announced it. */
function lastMessageOf(c: ListedChannel): { lastSeq: number; lastMessageAt: string | null } {
	const announced = tails.lastStored(c.info.id);
	const lastSeq = Math.max(c.lastSeq, pendingLastSeq(c.info.id), announced?.seq ?? 0);
	return {
		lastSeq,
		lastMessageAt: announced && announced.seq > c.lastSeq ? announced.at : c.lastMessageAt
	};
}

/**
 * Channels the actor may read, with unread counts: general first, then cohorts, then the
 * workshops they are on (newest workshop first within that group is left to the name order).
 */
export async function listChannels(actor: Actor): Promise<ChannelListItem[]> {
	if (!can(actor, 'channel:list')) return [];
	await ensureGeneralChannel();
	const [workshopIds, channels] = await Promise.all([
		rosterWorkshopIds(actor.id),
		listableChannels()
	]);
	const onRoster = new Set(workshopIds);
	const candidates = channels.filter(
		({ info }) =>
			info.kind !== 'workshop' || (info.workshopId !== null && onRoster.has(info.workshopId))
	);
	const readable = await Promise.all(candidates.map((c) => mayDo(actor, 'channel:read', c.info)));
	const rank = { general: 0, cohort: 1, workshop: 2, direct: 3 } as const;
	const visible = candidates
		.filter((_, i) => readable[i])
		.sort(
			({ info: a }, { info: b }) =>
				rank[a.kind] - rank[b.kind] || a.name.localeCompare(b.name, 'de')
		)
		.slice(0, 500);
	const readSeq = await readSeqs(
		actor.id,
		visible.map((c) => c.info.id)
	);
	// Unread from the two counters; a sender's own messages count as read (write-behind.ts).
	return visible.map((c) => {
		const { lastSeq, lastMessageAt } = lastMessageOf(c);
		const { id } = c.info;
		const read = Math.max(readSeq.get(id) ?? 0, pendingReadSeq(actor.id, id));
		return { ...c.info, lastSeq, lastMessageAt, unread: Math.max(0, lastSeq - read) };
	});
}

/** Whether the member has any channel to open (guests only those of their workshops). */
export async function hasChannels(actor: Actor): Promise<boolean> {
	if (!can(actor, 'channel:list')) return false;
	if (isNetworkMember(actor)) return true;
	return (await listChannels(actor)).length > 0;
}

/** A channel by its slug for the page, or null when unknown or not readable (404 alike). */
export async function findReadableChannelBySlug(
	actor: Actor,
	slug: string
): Promise<ChannelInfo | null> {
	if (slug === generalChannelSlug) await ensureGeneralChannel();
	// From the listed channels; one created a moment ago may not be listed yet.
	let info = (await listableChannels()).find((c) => c.info.slug === slug)?.info;
	if (!info) {
		const doc = await Channel.findOne(
			{ slug },
			{ kind: 1, name: 1, slug: 1, cohortId: 1, workshopId: 1 }
		).lean();
		if (!doc) return null;
		info = toChannelInfo(doc);
	}
	return (await mayDo(actor, 'channel:read', info)) ? info : null;
}

export interface ChannelMember extends AvatarDto {
	id: string;
	name: string;
	handle: string;
}

/** Members who can read the channel, for @mention autocomplete (bounded). */
export async function listChannelMembers(channel: ChannelInfo): Promise<ChannelMember[]> {
	const filter: Record<string, unknown> = { deactivatedAt: null };
	if (channel.kind === 'cohort' && channel.cohortId) filter.cohortIds = oid(channel.cohortId);
	if (channel.kind === 'workshop' && channel.workshopId)
		filter._id = trusted({ $in: await rosterMemberIds(channel.workshopId) });
	const rows = await Member.find(filter, {
		displayName: 1,
		handle: 1,
		roles: 1,
		cohortIds: 1,
		hasAvatar: 1,
		avatarVersion: 1
	})
		.sort({ sortName: 1 })
		.limit(1000)
		.lean();
	const reads = await Promise.all(rows.map((m) => memberReads(m, channel)));
	return rows
		.filter((_, i) => reads[i])
		.map((m) => ({
			id: m._id.toString(),
			name: m.displayName,
			handle: m.handle,
			hasAvatar: m.hasAvatar ?? false,
			avatarVersion: m.avatarVersion ?? 0
		}));
}

/** The member's own handle, to highlight messages that mention them. */
export async function ownHandle(actor: Actor): Promise<string> {
	return (await Member.findById(oid(actor.id), { handle: 1 }).lean())?.handle ?? '';
}
