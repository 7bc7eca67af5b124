import { error } from '@sveltejs/kit';
import { registerFilterSchema } from '$lib/schemas/needs';
import { exportFormatSchema } from '$lib/schemas/survey';
import * as auth from '$lib/server/auth';
import { downloadResponse } from '$lib/server/http';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';
import type { RequestHandler } from './$types';

/** The filtered register as CSV or XLSX (every page), streamed while it is read. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const actor = auth.requireMember(locals, url);
	const format = exportFormatSchema.safeParse(params.format);
	if (!format.success) error(404, { message: 'not_found', code: 'not_found' });
	const filter = registerFilterSchema.safeParse(Object.fromEntries(url.searchParams));
	if (!filter.success) error(400, { message: 'invalid', code: 'invalid' });
	const file = respond.unwrap(
		await workshops.exportRegister(actor, {
			filter: filter.data,
			format: format.data,
			locale: locals.locale
		})
	);
	return downloadResponse(file);
};
