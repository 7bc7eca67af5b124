import { describe, expect, it } from 'vitest';
import { htmlOf } from './index';

describe('the HTML part of a mail', () => {
	const mail = {
		to: 'x@example.org',
		subject: 's',
		text: 'Guten Tag <Anna>,\n\nbitte antworten Sie.\n\nJa: https://a.example/rsvp/yes?x=1&y=2\nNein: https://a.example/rsvp/no\n\nhttps://a.example/workshops/1',
		link: 'https://a.example/workshops/1',
		linkLabel: 'Zum Workshop',
		choices: [
			{ url: 'https://a.example/rsvp/yes?x=1&y=2', label: 'Ja "sicher"' },
			{ url: 'https://a.example/rsvp/no', label: 'Nein' }
		]
	};

	it('turns the paragraph of choices into buttons where it stands, escaped', () => {
		const html = htmlOf(mail);
		const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		expect(hrefs).toEqual([
			'https://a.example/rsvp/yes?x=1&#38;y=2',
			'https://a.example/rsvp/no',
			'https://a.example/workshops/1'
		]);
		expect(html).toContain('>Ja &#34;sicher&#34;</a>');
		expect(html).toContain('<p>Guten Tag &#60;Anna&#62;,</p>');
		// The choices replace their paragraph: the bare addresses are not repeated as text.
		expect(html).not.toContain('Ja: https');
		expect(html.indexOf('bitte antworten')).toBeLessThan(html.indexOf('/rsvp/yes'));
	});

	it('without choices shows the text and the one link, as before', () => {
		const html = htmlOf({
			...mail,
			choices: undefined,
			text: 'Hallo\n\nhttps://a.example/workshops/1'
		});
		expect([...html.matchAll(/href="/g)]).toHaveLength(1);
		expect(html).toContain('<p>Hallo</p>');
	});
});
