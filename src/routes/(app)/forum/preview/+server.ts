import { error, json } from '@sveltejs/kit';
import { previewSchema } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import type { RequestHandler } from './$types';

/** Renders Markdown for the composer's preview with the function used on save; stores nothing. */
export const POST: RequestHandler = async ({ locals, url, request }) => {
	const member = requirePermission(locals, url, 'forum:view');
	if (!(await forum.mayPreview(member.id))) error(429, { message: 'rate_limited' });
	const parsed = previewSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, { message: 'invalid' });
	return json({ html: forum.previewMarkdown(parsed.data.body) });
};
