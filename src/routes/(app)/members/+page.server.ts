import { error } from '@sveltejs/kit';
import { directoryQuerySchema } from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import * as members from '$lib/server/members';
import * as respond from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = auth.requirePermission(locals, url, 'directory:view');
	const parsed = directoryQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, { message: 'invalid' });
	const filter = parsed.data;
	const [listed, cohortList, municipalities, topics] = await Promise.all([
		members.listDirectory(viewer, {
			q: filter.q,
			cohortId: filter.cohort,
			municipalityId: filter.municipality,
			topic: filter.topic,
			cursor: filter.cursor
		}),
		cohorts.listCohorts(),
		cohorts.listMunicipalities(),
		members.listTopics()
	]);
	const page = respond.unwrap(listed);
	return {
		filter: {
			q: filter.q ?? '',
			cohort: filter.cohort ?? '',
			municipality: filter.municipality ?? '',
			topic: filter.topic ?? ''
		},
		members: page.items,
		nextCursor: page.nextCursor,
		cohorts: cohortList.map((c) => ({ id: c.id, name: c.name })),
		municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
		topics
	};
};
