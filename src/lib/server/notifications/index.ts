import { Types, trusted } from 'mongoose';
import type { NotificationDto } from '$lib/realtime/events';
import * as cache from '../cache';
import { Notification } from '../db/models';
import { getIO } from '../realtime/io';
import { isObjectId, oid } from '../db/ids';

export type { NotificationDto };

export interface NewNotification {
	kind: 'mention' | 'reply' | 'workshop' | 'moderation';
	actorId?: string | null;
	actorName?: string;
	title: string;
	text?: string;
	/** A same-site path, e.g. /forum/t/<id>#post-<id>. */
	link: string;
}

type NotificationLean = {
	_id: Types.ObjectId;
	kind: string;
	actorName?: string | null;
	title: string;
	text?: string | null;
	link: string;
	readAt?: Date | null;
	createdAt: Date;
};

function toDto(n: NotificationLean): NotificationDto {
	return {
		id: n._id.toString(),
		kind: n.kind as NotificationDto['kind'],
		actorName: n.actorName ?? '',
		title: n.title,
		text: n.text ?? '',
		link: n.link,
		read: !!n.readAt,
		createdAt: n.createdAt.toISOString()
	};
}

/**
 * Stores one notification per recipient (one bulk insert) and pushes each to the recipient's
 * open tabs through their personal room. The actor is never notified of their own action.
 */
export async function notify(
	recipientIds: Iterable<string>,
	notification: NewNotification
): Promise<void> {
	const recipients = [...new Set(recipientIds)].filter((id) => id !== notification.actorId);
	if (recipients.length === 0) return;
	const docs = await Notification.insertMany(
		recipients.map((memberId) => ({
			memberId: new Types.ObjectId(memberId),
			kind: notification.kind,
			actorId: notification.actorId ? new Types.ObjectId(notification.actorId) : null,
			actorName: notification.actorName ?? '',
			title: notification.title.slice(0, 200),
			text: (notification.text ?? '').slice(0, 300),
			link: notification.link
		}))
	);
	cache.invalidate('notificationCounts', ...recipients);
	const io = getIO();
	if (!io) return;
	for (const doc of docs)
		io.to(`user:${doc.memberId.toString()}`).emit('notification:new', toDto(doc.toObject()));
}

export interface NotificationPage {
	items: NotificationDto[];
	nextCursor: string | null;
}

/** Newest first, paged by cursor (the last item's id; ids grow with creation time). */
export async function listNotifications(
	memberId: string,
	cursor: string | null,
	limit = 30
): Promise<NotificationPage> {
	const filter: Record<string, unknown> = { memberId: new Types.ObjectId(memberId) };
	if (isObjectId(cursor)) filter._id = trusted({ $lt: oid(cursor) });
	const rows = await Notification.find(filter)
		.sort({ _id: -1 })
		.limit(limit + 1)
		.lean();
	const items = rows.slice(0, limit).map(toDto);
	return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

const unreadCounts = cache.named<number>('notificationCounts');

/** The badge on every page: counted once, then kept until the member's notifications change. */
export function countUnread(memberId: string): Promise<number> {
	return unreadCounts.get(memberId, () =>
		Notification.countDocuments({ memberId: new Types.ObjectId(memberId), readAt: null })
	);
}

/** Marks one (by id) or all of a member's notifications read; only their own. */
export async function markRead(memberId: string, notificationId?: string): Promise<void> {
	const filter: Record<string, unknown> = { memberId: new Types.ObjectId(memberId), readAt: null };
	if (notificationId) {
		if (!isObjectId(notificationId)) return;
		filter._id = oid(notificationId);
	}
	await Notification.updateMany(filter, { $set: { readAt: new Date() } });
	cache.invalidate('notificationCounts', memberId);
}

/** Marks a member's own notification read and returns its link; null when it is not theirs. */
export async function openNotification(
	memberId: string,
	notificationId: string
): Promise<string | null> {
	if (!isObjectId(notificationId)) return null;
	const found = await Notification.findOneAndUpdate(
		{ _id: new Types.ObjectId(notificationId), memberId: new Types.ObjectId(memberId) },
		{ $set: { readAt: new Date() } }
	).lean(); // no projection: FerretDB's findAndModify does not support one
	if (found) cache.invalidate('notificationCounts', memberId);
	return found?.link ?? null;
}
