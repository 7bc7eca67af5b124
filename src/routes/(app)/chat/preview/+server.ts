import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import * as auth from '$lib/server/auth';
import * as limits from '$lib/server/limits';
import { renderMarkdown } from '$lib/server/markdown';
import { messageBody } from '$lib/schemas/chat';
import type { RequestHandler } from './$types';

const previewRequest = z.strictObject({ body: messageBody });

/** The composer's Markdown preview, rendered by the same sanitising renderer as on send. */
export const POST: RequestHandler = async ({ locals, request }) => {
	if (!locals.member || !auth.can(locals.member, 'channel:list')) error(404, 'not_found');
	if (!(await limits.take('markdownPreview', locals.member.id))) error(429, 'rate_limited');
	const parsed = previewRequest.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'invalid');
	return json({ html: renderMarkdown(parsed.data.body, { profile: 'chat' }) });
};
