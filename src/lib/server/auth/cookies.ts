import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '$lib/i18n';

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
