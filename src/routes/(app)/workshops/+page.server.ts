import * as auth from '$lib/server/auth';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = auth.requirePermission(locals, url, 'workshop:list');
	return {
		lists: respond.unwrap(await workshops.listWorkshops(actor)),
		mayCreate: auth.can(actor, 'workshop:create')
	};
};
