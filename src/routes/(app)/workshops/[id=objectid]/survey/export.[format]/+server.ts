import { error } from '@sveltejs/kit';
import { exportFormatSchema } from '$lib/schemas/survey';
import * as auth from '$lib/server/auth';
import { downloadResponse } from '$lib/server/http';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** The survey's answers as CSV or XLSX, streamed to the organiser while they are read. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const format = exportFormatSchema.safeParse(params.format);
	if (!format.success) error(404, { message: 'not_found', code: 'not_found' });
	const file = respond.unwrap(
		await workshops.exportSurvey(actor, {
			workshopId: params.id,
			format: format.data,
			locale: locals.locale
		})
	);
	return downloadResponse(file);
};
