import { error, json } from '@sveltejs/kit';
import { quoteSchema } from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import * as forum from '$lib/server/forum';
import * as respond from '$lib/server/respond';
import type { RequestHandler } from './$types';

/** The quote of a post, or of the text selected in it, for the reply form; stores nothing. */
export const POST: RequestHandler = async ({ locals, url, request, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const parsed = quoteSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, { message: 'invalid' });
	const quote = respond.unwrap(
		await forum.quotePost(member, {
			postId: params.id,
			selection: parsed.data.selection,
			locale: locals.locale
		})
	);
	return json(quote);
};
