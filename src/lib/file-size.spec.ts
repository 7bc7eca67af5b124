import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
	it.each([
		[0, 'de', '0 Byte'],
		[812, 'de', '812 Byte'],
		[340 * 1024, 'de', '340 kB'],
		[1.25 * 1024 * 1024, 'de', '1,3 MB'],
		[25 * 1024 * 1024, 'en', '25 MB'],
		[1.25 * 1024 * 1024, 'en', '1.3 MB']
	] as const)('%d bytes in %s: %s', (bytes, locale, expected) => {
		expect(formatFileSize(bytes, locale)).toBe(expected);
	});
});
