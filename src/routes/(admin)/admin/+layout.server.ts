import * as auth from '$lib/server/auth';
import type { LayoutServerLoad } from './$types';

// Guards every admin page load; each form action checks its own permission as well.
export const load: LayoutServerLoad = ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'admin:view');
	return {
		adminNav: {
			members: auth.can(member, 'member:manage'),
			audit: auth.can(member, 'audit:view') || auth.can(member, 'audit:view-own'),
			legal: auth.can(member, 'legal:manage')
		}
	};
};
