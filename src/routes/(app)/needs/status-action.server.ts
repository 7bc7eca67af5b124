import type { RequestEvent } from '@sveltejs/kit';
import { needStatusSchema } from '$lib/schemas/needs';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import * as workshops from '$lib/server/workshops';

/** The inline status change of a need card, for the register and a workshop's needs page. */
export async function needStatusAction({ request, locals, url }: RequestEvent) {
	const actor = auth.requireMember(locals, url);
	const form = await parseForm(request, needStatusSchema, locals.locale);
	if (!form.ok) return form.failure;
	respond.unwrap(await workshops.setNeedStatus(actor, form.data));
	return { statusChanged: form.data.needId };
}
