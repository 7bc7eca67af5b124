import { signInLinkRequestSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions = {
	// The same answer whether the address is known or not (no enumeration).
	default: async ({ request, locals, url, getClientAddress }) => {
		const form = await parseForm(request, signInLinkRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		await auth.requestSignInLink(form.data.email, getClientAddress(), url.origin);
		return { sent: true };
	}
} satisfies Actions;
