import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random token for cookies and emailed links: 20 bytes = 160 bits of entropy. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/**
 * What is stored instead of a token: a leaked database does not yield usable tokens. Hex
 * SHA-256 by Node's native crypto: every signed-in request hashes its cookie.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Tokens are 32 base32 characters; anything else is refused before touching the database. */
export function isWellFormedToken(token: unknown): token is string {
	return typeof token === 'string' && /^[a-z2-7]{32}$/.test(token);
}
