import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	member: locals.member
		? {
				id: locals.member.id,
				displayName: locals.member.displayName,
				roles: locals.member.roles,
				hasAvatar: locals.member.hasAvatar,
				avatarVersion: locals.member.avatarVersion
			}
		: null,
	unreadNotifications: locals.member ? await notifications.countUnread(locals.member.id) : 0
});
