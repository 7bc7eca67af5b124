/**
 * The one check for redirect targets that come from input (`redirectTo` after login, the
 * language switch, notification links). Only a relative path on this site passes; anything
 * else falls back, so a crafted link can never send a member to another site and never
 * makes Kit's redirect() throw (it refuses control characters with a 500).
 */

/** Longer targets are refused outright: no page of the app needs more. */
export const maxRedirectLength = 1000;

const base = 'http://netzwerk.invalid';
// Browsers drop tabs and newlines from URLs and read "\" as "/", so "/\t/x" and "/\x" are "//x".
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const controlOrWhitespace = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/;
// After one more decoding, plain spaces may appear ("?q=a%20b"); other whitespace may not.
// eslint-disable-next-line no-control-regex -- as above
const controlOrBackslash = /[\u0000-\u001f\u007f-\u009f\\\u200b-\u200f\ufeff]|[^\S ]/;

/** Percent-decoded once more, or null when the encoding is broken. */
function decoded(value: string): string | null {
	try {
		return decodeURIComponent(value);
	} catch {
		return null;
	}
}

const looksLikePath = (value: string) => value.startsWith('/') && !value.startsWith('//');

/**
 * `target` when it is a same-site relative path (normalised), else `fallback`. Encoded forms
 * are checked decoded too: a target that only turns harmful after one more decoding is refused.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || target.length > maxRedirectLength) return fallback;
	if (!looksLikePath(target) || controlOrWhitespace.test(target) || target.includes('\\'))
		return fallback;
	const once = decoded(target);
	if (once === null || !looksLikePath(once) || controlOrBackslash.test(once)) return fallback;
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	// Dot segments are resolved here: "/.//evil.example" must not become "//evil.example".
	const path = url.pathname + url.search + url.hash;
	return looksLikePath(path) ? path : fallback;
}
