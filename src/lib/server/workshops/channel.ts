import { unlessDuplicate } from '../db/errors';
import { Channel, Workshop } from '../db/models';
import type { WorkshopLean } from './access';
import { workshopName } from './wording';

/** The slug of a workshop's channel: stable, whatever the workshop is renamed to. */
export const workshopChannelSlug = (workshopId: string) => `workshop-${workshopId}`;

/**
 * Gives a published workshop its realtime channel (kind `workshop`), once: the unique slug
 * decides between two instances creating it at the same moment. Its members are the roster
 * (chat/channels.ts asks the workshop's rules on every event).
 */
export async function ensureWorkshopChannel(
	w: Pick<WorkshopLean, '_id' | 'number' | 'title' | 'channelId'>
): Promise<string> {
	if (w.channelId) return w.channelId.toString();
	const slug = workshopChannelSlug(w._id.toString());
	await unlessDuplicate(
		() =>
			Channel.updateOne(
				{ slug },
				{
					$setOnInsert: {
						kind: 'workshop',
						slug,
						name: workshopName(w, 'de'),
						cohortId: null,
						workshopId: w._id,
						lastSeq: 0
					}
				},
				{ upsert: true }
			),
		() => null
	);
	const channel = await Channel.findOne({ slug }, { _id: 1 }).lean();
	if (!channel) throw new Error(`Workshop channel ${slug} was not created`);
	await Workshop.updateOne({ _id: w._id }, { $set: { channelId: channel._id } });
	return channel._id.toString();
}
