import { describe, expect, it } from 'vitest';
import { maxRedirectLength, safeRedirectPath } from './redirects';

describe('safeRedirectPath', () => {
	it.each([
		['/', '/'],
		['/forum', '/forum'],
		[
			'/forum/t/65f0c0ffee00000000000001?from=21#post-22',
			'/forum/t/65f0c0ffee00000000000001?from=21#post-22'
		],
		['/search?q=Smart%20City', '/search?q=Smart%20City'],
		['/members/anna.schulze', '/members/anna.schulze'],
		['/forum/../settings', '/settings']
	])('keeps the same-site path %j', (target, expected) => {
		expect(safeRedirectPath(target)).toBe(expected);
	});

	it.each([
		// Another site, spelled in every way browsers accept.
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/ /evil.example',
		'\t//evil.example',
		' /evil.example',
		'/%09/evil.example',
		'/%0a/evil.example',
		'/%0d%0a/evil.example',
		'/%5Cevil.example',
		'/%5cevil.example',
		'/%2F%2Fevil.example',
		'/%2f/evil.example',
		'/%2Fevil.example',
		'/.//evil.example',
		'/./\\evil.example',
		'/\u00a0/evil.example',
		'/\u2028/evil.example',
		'/%E2%80%A8/evil.example',
		'/%ZZ',
		// Schemes and absolute URLs.
		'https://evil.example/',
		'http:evil.example',
		'https:/evil.example',
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'\tjavascript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'mailto:a@evil.example',
		// Not a path at all.
		'',
		'forum',
		'.',
		'?x=1'
	])('falls back to / for %j', (target) => {
		expect(safeRedirectPath(target)).toBe('/');
	});

	it('refuses what is not a string or too long, with the fallback given', () => {
		for (const target of [undefined, null, 42, ['/forum'], { path: '/forum' }])
			expect(safeRedirectPath(target, '/notifications')).toBe('/notifications');
		expect(safeRedirectPath('/' + 'a'.repeat(maxRedirectLength))).toBe('/');
		expect(safeRedirectPath('/' + 'a'.repeat(maxRedirectLength - 1))).toHaveLength(
			maxRedirectLength
		);
	});
});
