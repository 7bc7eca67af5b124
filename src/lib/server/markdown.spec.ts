import { describe, expect, it } from 'vitest';
import { extractMentions, markdownToText, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders the usual Markdown', () => {
		const html = renderMarkdown(
			'# Titel\n\n**fett** und *kursiv*, `code`\n\n- a\n- b\n\n| a | b |\n|---|---|\n| 1 | 2 |'
		);
		expect(html).toContain('<h1>Titel</h1>');
		expect(html).toContain('<strong>fett</strong>');
		expect(html).toContain('<em>kursiv</em>');
		expect(html).toContain('<li>a</li>');
		expect(html).toContain('<table>');
	});

	it('keeps chat messages to inline and list formatting', () => {
		const html = renderMarkdown('# Kein Titel\n\n**fett**', { profile: 'chat' });
		expect(html).not.toContain('<h1>');
		expect(html).toContain('<strong>fett</strong>');
	});

	it('opens external links safely and keeps local ones', () => {
		expect(renderMarkdown('[x](https://example.org)')).toContain(
			'rel="noopener noreferrer nofollow ugc"'
		);
		expect(renderMarkdown('[x](/forum)')).toContain('<a href="/forum">x</a>');
	});

	it('allows images from the app’s uploads only', () => {
		expect(renderMarkdown('![a](/uploads/65f1c0ffee65f1c0ffee0001)')).toContain(
			'<img src="/uploads/65f1c0ffee65f1c0ffee0001" alt="a" />'
		);
		expect(renderMarkdown('![a](https://tracker.example/pixel.gif)')).not.toContain('<img');
		expect(renderMarkdown('![a](/uploads/../logout)')).not.toContain('<img');
		expect(renderMarkdown('![a](/uploads/ab/cd.webp)')).not.toContain('<img');
	});

	const payloads = [
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'<a href="javascript:alert(1)">x</a>',
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](&#106;avascript:alert(1))',
		'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'<svg onload=alert(1)><circle/></svg>',
		'<iframe src="https://evil.example"></iframe>',
		'<div style="background:url(javascript:alert(1))">x</div>',
		'<a href="vbscript:msgbox(1)">x</a>',
		'<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
		'<<script>script>alert(1)<</script>/script>',
		'<img src="/uploads/a.png" onerror="alert(1)">',
		'![x](/uploads/a.png"onerror="alert(1))',
		'<details open ontoggle=alert(1)>',
		'<form action="javascript:alert(1)"><button>x</button></form>',
		'[x](//evil.example/path)',
		'<object data="javascript:alert(1)"></object>',
		'<base href="javascript:alert(1)//">'
	];

	it.each(payloads)('leaves nothing executable of %s', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(/<script|<iframe|<svg|<object|<form|<base|<details|<math|<div/i);
		expect(html).not.toMatch(/\son\w+\s*=/i);
		expect(html).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data):/i);
		expect(html).not.toMatch(/href="\/\//);
	});
});

describe('markdownToText and extractMentions', () => {
	it('strips formatting and shortens', () => {
		expect(markdownToText('**Hallo** [Welt](/x)')).toBe('Hallo Welt');
		expect(markdownToText('a'.repeat(300), 10)).toHaveLength(10);
	});

	it('finds @handles outside code, once each', () => {
		expect(
			extractMentions(
				'Hallo @anna.schulze und @jonas.becker, @anna.schulze! `@nicht.das` mail@example.org'
			)
		).toEqual(['anna.schulze', 'jonas.becker']);
	});
});
