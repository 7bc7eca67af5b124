import * as auth from '$lib/server/auth';
import * as chat from '$lib/server/chat';
import * as notifications from '$lib/server/notifications';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const member = locals.member;
	return {
		locale: locals.locale,
		member: member
			? {
					id: member.id,
					displayName: member.displayName,
					hasAvatar: member.hasAvatar,
					avatarVersion: member.avatarVersion
				}
			: null,
		// The sections the header links to: the rules the pages themselves check.
		sections: {
			forum: auth.can(member, 'forum:view'),
			workshops: auth.can(member, 'workshop:list'),
			needs: auth.can(member, 'needs:list'),
			chat: member ? await chat.hasChannels(member) : false,
			members: auth.can(member, 'directory:view'),
			search: auth.can(member, 'forum:view'),
			moderation: auth.can(member, 'moderation:view'),
			admin: auth.can(member, 'admin:view')
		},
		unreadNotifications: member ? await notifications.countUnread(member.id) : 0
	};
};
