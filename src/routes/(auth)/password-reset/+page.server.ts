import { passwordResetRequestSchema } from '$lib/schemas/auth';
import * as auth from '$lib/server/auth';
import { parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions = {
	// The same answer whether the address is known or not (no enumeration).
	default: async ({ request, locals, url }) => {
		const form = await parseForm(request, passwordResetRequestSchema, locals.locale);
		if (!form.ok) return form.failure;
		await auth.requestPasswordReset(form.data.email, url.origin);
		return { sent: true };
	}
} satisfies Actions;
