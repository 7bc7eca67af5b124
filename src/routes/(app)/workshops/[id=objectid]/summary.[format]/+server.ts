import { error } from '@sveltejs/kit';
import { summaryFormatSchema } from '$lib/schemas/workshop-summary';
import * as auth from '$lib/server/auth';
import { downloadResponse } from '$lib/server/http';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** The workshop's summary as Markdown or PDF, as the forum thread shows it. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const format = summaryFormatSchema.safeParse(params.format);
	if (!format.success) error(404, { message: 'not_found', code: 'not_found' });
	const file = respond.unwrap(
		await workshops.exportSummary(actor, {
			workshopId: params.id,
			format: format.data,
			locale: locals.locale
		})
	);
	return downloadResponse(file);
};
