import { demoPassword } from '../../src/lib/server/seed/demo-network';
import { login } from './app';

/**
 * Role × route matrices: one signed-in demo member per role, requests sent as each of them,
 * and the outcome of each request in one comparable form.
 */
export const roleLogins = {
	supervisor: 'petra.lange@netzwerk.example',
	alumni: 'anna.schulze@netzwerk.example',
	moderator: 'moderation@netzwerk.example',
	organiser: 'organisation@netzwerk.example',
	admin: 'admin@netzwerk.example'
} as const;

export type MatrixRole = 'anonymous' | keyof typeof roleLogins;
export const matrixRoles = ['anonymous', ...Object.keys(roleLogins)] as MatrixRole[];

/** A status code, 'login' (303 to the login page) or 'redirect' (303 anywhere else). */
export type Outcome = number | 'login' | 'redirect';
export type Expect = Record<MatrixRole, Outcome>;

export const all = (o: Outcome): Expect => ({
	anonymous: o,
	supervisor: o,
	alumni: o,
	moderator: o,
	organiser: o,
	admin: o
});
/** Signed-in only, anyone. */
export const signedIn = (o: Outcome): Expect => ({ ...all(o), anonymous: 'login' });
/** Network members (not supervisor-only guests). */
export const network = (o: Outcome): Expect => ({ ...signedIn(o), supervisor: 403 });
/** Organisers and admins. */
export const staff = (o: Outcome): Expect => ({ ...signedIn(403), organiser: o, admin: o });
/** Admins only. */
export const adminOnly = (o: Outcome): Expect => ({ ...signedIn(403), admin: o });

export function outcomeOf(res: Response): Outcome {
	if (res.status === 303 || res.status === 302) {
		const location = res.headers.get('location') ?? '';
		return location.startsWith('/login') ? 'login' : 'redirect';
	}
	return res.status;
}

/** The session cookie of every role's demo member; none for the anonymous visitor. */
export async function signInEveryRole(app: { url: string }): Promise<Record<MatrixRole, string>> {
	const cookies = { anonymous: '' } as Record<MatrixRole, string>;
	for (const [role, email] of Object.entries(roleLogins))
		cookies[role as MatrixRole] = await login(app, email, demoPassword);
	return cookies;
}

/** Signs the role's demo member in again (after a request that ended the session). */
export const signInAgain = (app: { url: string }, role: keyof typeof roleLogins) =>
	login(app, roleLogins[role], demoPassword);

/** A page request or form post as a browser sends it (redirects are not followed). */
export function send(
	app: { url: string },
	cookie: string,
	method: 'GET' | 'POST',
	path: string,
	form?: Record<string, string | string[]>
): Promise<Response> {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(form ?? {}))
		for (const one of Array.isArray(value) ? value : [value]) body.append(key, one);
	return fetch(app.url + path, {
		method,
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: app.url,
			...(cookie ? { cookie } : {}),
			...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
		},
		body: method === 'POST' ? body : undefined
	});
}

/** The outcome of `ask` for every role, one role after the other. */
export async function outcomesByRole<T = Outcome>(
	ask: (role: MatrixRole) => Promise<T>
): Promise<Record<MatrixRole, T>> {
	const outcomes = {} as Record<MatrixRole, T>;
	for (const role of matrixRoles) outcomes[role] = await ask(role);
	return outcomes;
}
