import type { Types } from 'mongoose';
import * as cache from '../../cache';
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
 * and cohort or workshop each time. They never change after creation (a cohort channel's name
 * follows its cohort, hence the tag), so the cached copy spares a database round trip per
 * event. Not a workaround for the embedded database: it stays on MongoDB too.
 */
const channels = cache.named<ChannelInfo | null>('channels');

export function findChannelInfo(channelId: string): Promise<ChannelInfo | null> {
	if (!isObjectId(channelId)) return Promise.resolve(null);
	return channels.get(
		channelId,
		async () => {
			const doc = await Channel.findById(oid(channelId), {
				kind: 1,
				name: 1,
				slug: 1,
				cohortId: 1,
				workshopId: 1
			}).lean();
			return doc ? toChannelInfo(doc) : null;
		},
		(info) => [cache.tags.channel(channelId), ...(info.cohortId ? [cache.tags.cohorts] : [])]
	);
}
