import type { MessageKey } from '$lib/i18n';

/**
 * What the app accepts as a file: per kind of upload a size cap and a list of types. Types are
 * named by the extension `file-type` reports for the content; the name a browser sends and its
 * Content-Type header are never believed.
 */

const mebibyte = 1024 * 1024;

export const fileTypes = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation',
	png: 'image/png',
	jpg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif'
} as const;
export type FileExt = keyof typeof fileTypes;

const imageExts = ['png', 'jpg', 'webp', 'gif'] as const satisfies readonly FileExt[];

export interface UploadPolicy {
	maxBytes: number;
	types: readonly FileExt[];
	/** What a refusal says: the cap and the allowed types in words. */
	tooLarge: MessageKey;
	wrongType: MessageKey;
}

export const uploadPolicies = {
	/** Workshop materials: documents and pictures, 25 MB each. */
	material: {
		maxBytes: 25 * mebibyte,
		types: Object.keys(fileTypes) as FileExt[],
		tooLarge: 'uploads.errors.materialTooLarge',
		wrongType: 'uploads.errors.materialType'
	},
	/** Pictures in forum posts, 5 MB each. */
	forumImage: {
		maxBytes: 5 * mebibyte,
		types: imageExts,
		tooLarge: 'uploads.errors.imageTooLarge',
		wrongType: 'uploads.errors.imageType'
	}
} satisfies Record<string, UploadPolicy>;

/**
 * The multipart envelope around the file (boundaries, part headers, a title field): a request
 * longer than file cap + this is refused before a byte of it is read.
 */
export const multipartAllowanceBytes = 64 * 1024;

/** The largest request body an upload route takes: server/index.js's BODY_SIZE_LIMIT covers it. */
export const largestUploadRequestBytes =
	Math.max(...Object.values(uploadPolicies).map((p) => p.maxBytes)) + multipartAllowanceBytes;

export const isImage = (ext: string) => (imageExts as readonly string[]).includes(ext);

export function isAllowed(ext: string | undefined, policy: UploadPolicy): ext is FileExt {
	return ext !== undefined && (policy.types as readonly string[]).includes(ext);
}

/** How far into a file the markup check looks (browsers sniff at most the first 1445 bytes). */
export const sniffWindowBytes = 64 * 1024;

/**
 * Markup that would make a browser, or a viewer that sniffs, run the file as a page: a PDF
 * header followed by `<html><script>` is a valid PDF and a valid page at once. SVG is refused
 * altogether (it is a page that can carry scripts).
 */
const markup = ['<html', '<script', '<svg', '<!doctype html'];

export function containsMarkup(head: Uint8Array): boolean {
	const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
		.toString('latin1')
		.toLowerCase();
	return markup.some((tag) => text.includes(tag));
}

/** Extensions a name may already end with for a detected type. */
const sameType: Partial<Record<FileExt, string[]>> = { jpg: ['jpg', 'jpeg'] };

const maxStemLength = 120;

/**
 * A display name that is safe everywhere it is shown or saved: the last path segment only, no
 * control or invisible formatting characters (a right-to-left override can make `exe.pdf`
 * read as `fdp.exe`), none of the characters file systems refuse, no leading dots, and the
 * extension of the detected type.
 */
export function safeFileName(raw: string, ext: FileExt, fallbackStem = 'datei'): string {
	const lastSegment = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
	const cleaned = lastSegment
		.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
		.replace(/["*:<>?|]/g, '_')
		.replace(/\s+/g, ' ')
		.replace(/^[\s.]+|[\s.]+$/g, '');
	const dot = cleaned.lastIndexOf('.');
	const given = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
	const keepsExtension = (sameType[ext] ?? [ext]).includes(given);
	const stem = Array.from(keepsExtension ? cleaned.slice(0, dot) : cleaned)
		.slice(0, maxStemLength)
		.join('')
		.trim();
	return `${stem || fallbackStem}.${keepsExtension ? given : ext}`;
}
