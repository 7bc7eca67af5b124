import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, isWellFormedToken } from './tokens';

describe('tokens', () => {
	it('stores the hex SHA-256 of a token, the same digest sessions were always stored under', () => {
		// FIPS 180-2 test vector, and a token as the cookie carries it.
		expect(hashToken('abc')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		const token = generateToken();
		expect(isWellFormedToken(token)).toBe(true);
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
		expect(hashToken(token)).not.toBe(hashToken(generateToken()));
	});
});
