import { legalPages } from '$lib/legal';
import * as auth from '$lib/server/auth';
import * as legal from '$lib/server/legal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requirePermission(locals, url, 'legal:manage');
	const pages = await Promise.all(legalPages.map((key) => legal.getLegalPage(key)));
	return {
		pages: pages.map(({ key, isTemplate, updatedAt }) => ({ key, isTemplate, updatedAt }))
	};
};
