import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';
import { createSession, invalidateSession } from './sessions';

export const sessionCookieName = 'session';
/** The chosen UI language, for visitors; signed-in members' choice is stored on them too. */
export const localeCookieName = 'lang';

function secure(url: URL): boolean {
	// Browsers treat http://localhost as secure, but a Secure cookie is not sent over plain http
	// to other hosts; production runs behind https.
	return url.protocol === 'https:';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(sessionCookieName, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(url),
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(url)
	});
}

export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale) {
	cookies.set(localeCookieName, locale, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(url),
		maxAge: 365 * 24 * 3600
	});
}

/**
 * Signs the member in in this browser (password, invitation or sign-in link): a fresh session
 * every time, so no session fixation; a session of someone else in this browser ends first.
 */
export async function signIn(
	event: { cookies: Cookies; url: URL; request: Request; locals: App.Locals },
	memberId: string
): Promise<void> {
	if (event.locals.session) await invalidateSession(event.locals.session.id);
	const { token, expiresAt } = await createSession(
		memberId,
		event.request.headers.get('user-agent') ?? ''
	);
	setSessionCookie(event.cookies, event.url, token, expiresAt);
}
