import { error, fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { passwordChangeSchema } from '$lib/schemas/auth';
import {
	deleteAccountSchema,
	languageSchema,
	notificationsSchema,
	profileSchema,
	sessionIdSchema
} from '$lib/schemas/members';
import * as auth from '$lib/server/auth';
import * as cohorts from '$lib/server/cohorts';
import { formError, parseForm } from '$lib/server/forms';
import * as members from '$lib/server/members';
import * as respond from '$lib/server/respond';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const member = auth.requirePermission(locals, url, 'settings:use');
	const [profile, municipalities, sessions] = await Promise.all([
		members.getOwnProfile(member.id),
		cohorts.listMunicipalities(),
		auth.listMemberSessions(member.id, locals.session!.id)
	]);
	if (!profile) error(404, { message: 'not_found', code: 'not_found' });
	return {
		profile,
		municipalities: municipalities.map((m) => ({ id: m.id, name: m.name })),
		sessions: sessions.map((s) => ({
			id: s.id,
			userAgent: s.userAgent,
			createdAt: s.createdAt?.toISOString() ?? null,
			lastUsedAt: s.lastUsedAt.toISOString(),
			current: s.current
		})),
		welcome: url.searchParams.has('welcome')
	};
};

/** Every action: a signed-in member with a session (the layout load does not guard actions). */
function signedIn(event: RequestEvent) {
	const member = auth.requirePermission(event.locals, event.url, 'settings:use');
	return { member, sessionId: event.locals.session!.id, m: messages(event.locals.locale) };
}

export const actions = {
	profile: async (event) => {
		const { member } = signedIn(event);
		const form = await parseForm(event.request, profileSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await members.updateProfile(member, form.data);
		if (!result.ok) return respond.formFailure(result.failure, form.raw, event.locals.locale);
		return { saved: 'profile' as const };
	},

	avatar: async (event) => {
		const { member, m } = signedIn(event);
		const t = m.members.settings;
		let file: FormDataEntryValue | null;
		try {
			file = (await event.request.formData()).get('avatar');
		} catch {
			return fail(400, { values: {}, errors: { avatar: t.avatarInvalid } });
		}
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { values: {}, errors: { avatar: t.avatarMissing } });
		if (file.size > members.maxAvatarBytes)
			return fail(413, { values: {}, errors: { avatar: t.avatarTooLarge } });
		if (!(await members.setAvatar(member.id, new Uint8Array(await file.arrayBuffer()))))
			return fail(415, { values: {}, errors: { avatar: t.avatarInvalid } });
		return { saved: 'avatar' as const };
	},

	removeAvatar: async (event) => {
		const { member } = signedIn(event);
		await members.removeAvatar(member.id);
		return { saved: 'avatarRemoved' as const };
	},

	password: async (event) => {
		const { member, sessionId, m } = signedIn(event);
		const form = await parseForm(event.request, passwordChangeSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const changed = await auth.changePassword(
			member.id,
			form.data.currentPassword,
			form.data.password,
			sessionId
		);
		if (!changed) return formError(form.raw, m.members.settings.wrongPassword, 'currentPassword');
		return { saved: 'password' as const };
	},

	language: async (event) => {
		const { member } = signedIn(event);
		const form = await parseForm(event.request, languageSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await members.setLocale(member.id, form.data.locale);
		event.cookies.set('lang', form.data.locale, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 365 * 24 * 3600
		});
		redirect(303, '/settings#language');
	},

	notifications: async (event) => {
		const { member } = signedIn(event);
		const form = await parseForm(event.request, notificationsSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await members.updateNotificationChoices(member.id, form.data);
		return { saved: 'notifications' as const };
	},

	signOutSession: async (event) => {
		const { member, sessionId } = signedIn(event);
		const form = await parseForm(event.request, sessionIdSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		// Only the member's own sessions: another member's id answers as if unknown.
		const own = await auth.listMemberSessions(member.id, sessionId);
		if (!own.some((s) => s.id === form.data.sessionId))
			error(404, { message: 'not_found', code: 'not_found' });
		await auth.invalidateSession(form.data.sessionId);
		if (form.data.sessionId === sessionId) {
			auth.deleteSessionCookie(event.cookies, event.url);
			redirect(303, '/login');
		}
		return { saved: 'session' as const };
	},

	signOutEverywhere: async (event) => {
		const { member } = signedIn(event);
		await auth.invalidateMemberSessions(member.id);
		auth.deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/login');
	},

	deleteAccount: async (event) => {
		const { member } = signedIn(event);
		const form = await parseForm(event.request, deleteAccountSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await members.deleteAccount(member, { password: form.data.deletePassword });
		if (!result.ok) return respond.formFailure(result.failure, form.raw, event.locals.locale);
		auth.deleteSessionCookie(event.cookies, event.url);
		redirect(303, '/');
	}
} satisfies Actions;
