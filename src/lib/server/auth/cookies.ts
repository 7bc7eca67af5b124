import type { Cookies } from '@sveltejs/kit';

export const sessionCookieName = 'session';

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
