import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	member: locals.member
		? {
				id: locals.member.id,
				displayName: locals.member.displayName,
				roles: locals.member.roles,
				hasAvatar: locals.member.hasAvatar,
				avatarVersion: locals.member.avatarVersion
			}
		: null
});
