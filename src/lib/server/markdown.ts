import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Shared with the chat page, which highlights messages that mention the reader. */
export { extractMentions } from '$lib/mentions';

/**
 * The only producer of HTML that pages show with {@html}. Markdown is rendered with marked,
 * then sanitised with an allow-list: no raw HTML survives unless it is on the list, no event
 * handlers, no javascript:/data: URLs, images only from the app's own uploads.
 * Render on write and store the result with the record; never render on every view.
 */

const marked = new Marked({ gfm: true, breaks: true, async: false });

const baseTags = [
	'p',
	'br',
	'strong',
	'em',
	'del',
	'code',
	'pre',
	'blockquote',
	'ul',
	'ol',
	'li',
	'a',
	'hr'
];
const fullTags = [
	...baseTags,
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'img'
];

export interface RenderOptions {
	/** 'full' for forum posts (headings, tables, images); 'chat' for short messages. */
	profile?: 'full' | 'chat';
}

/**
 * Files of the app's upload service only (`/uploads/<id>`, see $lib/server/uploads): remote
 * images would leak readers' addresses to third parties, and a path with dots could point an
 * image request at any other address of the app.
 */
const ownImage = /^\/uploads\/[a-f0-9]{24}$/;

function sanitize(html: string, profile: 'full' | 'chat'): string {
	return sanitizeHtml(html, {
		allowedTags: profile === 'full' ? fullTags : baseTags,
		allowedAttributes: {
			a: ['href', 'title', 'rel', 'target'],
			img: ['src', 'alt', 'title'],
			code: ['class'],
			th: ['align'],
			td: ['align'],
			ol: ['start']
		},
		allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
		allowedSchemes: ['http', 'https', 'mailto'],
		allowedSchemesByTag: { img: [] },
		allowProtocolRelative: false,
		disallowedTagsMode: 'escape',
		exclusiveFilter: (frame) => frame.tag === 'img' && !ownImage.test(frame.attribs.src ?? ''),
		transformTags: {
			a: (tagName, attribs) => {
				const external = /^https?:\/\//i.test(attribs.href ?? '');
				return {
					tagName,
					attribs: external
						? { ...attribs, rel: 'noopener noreferrer nofollow ugc', target: '_blank' }
						: attribs
				};
			}
		},
		allowedSchemesAppliedToAttributes: ['href', 'src']
	});
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
	const profile = options.profile ?? 'full';
	const html = marked.parse(source) as string;
	return sanitize(html, profile);
}

/** Block ends that become line breaks when Markdown is turned into plain text. */
const blockEnd = /<\/(p|li|h[1-6]|blockquote|pre|tr)>|<br\s*\/?>/g;
const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };

/**
 * Markdown as plain text, one line per paragraph or list item (calendar files, plain-text
 * mails). sanitize-html escapes the text it keeps; plain text wants the characters back.
 */
export function markdownToPlainText(source: string): string {
	const html = (marked.parse(source) as string).replace(blockEnd, '$&\n');
	return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
		.replace(/&(lt|gt|quot|amp);/g, (entity) => entities[entity]!)
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Plain text of Markdown on one line (for notifications, search snippets and previews). */
export function markdownToText(source: string, maxLength = 200): string {
	const text = markdownToPlainText(source).replace(/\s+/g, ' ').trim();
	return text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
}
