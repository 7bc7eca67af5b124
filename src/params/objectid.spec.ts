import { describe, expect, it } from 'vitest';
import { objectId } from '$lib/schemas/fields';
import { match } from './objectid';

describe('the objectid route matcher', () => {
	it.each([
		['5f1d7a3c9b1e8a0012345678', true],
		['000000000000000000000000', true],
		['5F1D7A3C9B1E8A0012345678', false],
		['5f1d7a3c9b1e8a001234567', false],
		['5f1d7a3c9b1e8a00123456789', false],
		['abcdefghijkl', false],
		['not-an-id', false],
		['', false]
	])('%s matches: %s', (value, expected) => {
		expect(match(value)).toBe(expected);
		// Routes and the schema field for ids in forms and payloads accept the same values.
		expect(objectId.safeParse(value).success).toBe(expected);
	});
});
