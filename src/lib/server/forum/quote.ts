import type { Actor } from '../auth/permissions';
import { messages, type Locale } from '$lib/i18n';
import { oid } from '../db/ids';
import { settle, type Result } from '../result';
import { postLink } from './links';
import { authorsOf, postSource } from './posts';

/** What a post looks like once Markdown is rendered, to find a selection in its source. */
function visibleText(line: string): string {
	return line
		.replace(/^\s*(>\s*)*/, '')
		.replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
		.replace(/^\s*#{1,6}\s+/, '')
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[*_`~]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The Markdown lines a quote takes: the whole source without a selection; with one, the source
 * lines it covers (so a list stays a list), or just the selected words when they lie inside one
 * line. A selection not found in the source (e.g. across a code block) is quoted as selected.
 */
export function quotedLines(source: string, selection = ''): string[] {
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	const wanted = squeeze(selection);
	if (!wanted) return trimBlank(lines);
	// The visible text of all lines joined by single spaces, with where each line starts.
	let joined = '';
	const starts: { line: number; at: number }[] = [];
	lines.forEach((line, i) => {
		const text = visibleText(line);
		if (!text) return;
		if (joined) joined += ' ';
		starts.push({ line: i, at: joined.length });
		joined += text;
	});
	const from = joined.indexOf(wanted);
	if (from < 0) return trimBlank(selection.replace(/\r\n?/g, '\n').split('\n'));
	const lineAt = (offset: number) => starts.findLast((s) => s.at <= offset)!.line;
	const first = lineAt(from);
	const last = lineAt(from + wanted.length - 1);
	if (first === last && visibleText(lines[first]!) !== wanted) return [wanted];
	return trimBlank(lines.slice(first, last + 1));
}

function trimBlank(lines: string[]): string[] {
	const out = [...lines];
	while (out.length && !out[0]!.trim()) out.shift();
	while (out.length && !out.at(-1)!.trim()) out.pop();
	return out;
}

/** A quote in Markdown: a link back to the quoted post, then its lines, each behind "> ". */
export function quoteMarkdown(input: {
	source: string;
	selection?: string;
	heading: string;
	link: string;
}): string {
	const heading = input.heading.replace(/[[\]\\]/g, '\\$&');
	const quoted = quotedLines(input.source, input.selection).map((l) => (l ? `> ${l}` : '>'));
	return [`> [${heading}](${input.link}):`, '>', ...quoted].join('\n') + '\n\n';
}

export interface QuoteDto {
	postId: string;
	threadId: string;
	number: number;
	markdown: string;
}

/** A quote of a post (or of the selected part of it) for the reply form, for its readers only. */
export function quotePost(
	actor: Actor,
	input: { postId: string; selection?: string; locale: Locale }
): Promise<Result<QuoteDto>> {
	return settle(async () => {
		const post = await postSource(actor, input.postId);
		const authors = await authorsOf([oid(post.authorId)]);
		const name = authors.get(post.authorId)?.name ?? '—';
		return {
			postId: input.postId,
			threadId: post.threadId,
			number: post.number,
			markdown: quoteMarkdown({
				source: post.source,
				selection: input.selection,
				heading: messages(input.locale).forum.thread.quoteOf(name, post.number),
				link: postLink(post.threadId, post.number)
			})
		};
	});
}
