import type { Types } from 'mongoose';
import { isObjectId, oid } from '../../db/ids';
import { Channel } from '../../db/models';
import type { ChannelResource } from '../../auth/permissions';

export interface ChannelInfo {
	id: string;
	kind: ChannelResource['kind'];
	name: string;
	slug: string;
	cohortId: string | null;
	workshopId: string | null;
}

export type ChannelLean = {
	_id: Types.ObjectId;
	kind: string;
	name: string;
	slug: string;
	cohortId?: Types.ObjectId | null;
	workshopId?: Types.ObjectId | null;
	lastSeq?: number;
	lastMessageAt?: Date | null;
};

export function toChannelInfo(c: ChannelLean): ChannelInfo {
	return {
		id: c._id.toString(),
		kind: c.kind as ChannelInfo['kind'],
		name: c.name,
		slug: c.slug,
		cohortId: c.cohortId ? c.cohortId.toString() : null,
		workshopId: c.workshopId ? c.workshopId.toString() : null
	};
}

/**
 * Every socket event checks the channel's read or write rule, so it needs the channel's kind
 * and cohort or workshop each time. They never change after creation, so a per-process copy (bounded) is
 * always right and spares a database round trip per event. Not a workaround for the embedded
 * database: it stays on MongoDB too. A renamed cohort channel keeps its old `name` here (used
 * in mention notifications) until the process restarts.
 */
const channels = new Map<string, ChannelInfo>();
const maxEntries = 10_000;

export async function findChannelInfo(channelId: string): Promise<ChannelInfo | null> {
	const cached = channels.get(channelId);
	if (cached) return cached;
	if (!isObjectId(channelId)) return null;
	const doc = await Channel.findById(oid(channelId), {
		kind: 1,
		name: 1,
		slug: 1,
		cohortId: 1,
		workshopId: 1
	}).lean();
	if (!doc) return null;
	const info = toChannelInfo(doc);
	if (channels.size > maxEntries) channels.clear();
	channels.set(channelId, info);
	return info;
}
