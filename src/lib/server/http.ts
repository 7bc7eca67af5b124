import contentDisposition from 'content-disposition';
import { messages, type Locale } from '$lib/i18n';

/** A minimal page for when the app cannot serve its normal pages (the database is away). */
export function unavailableResponse(locale: Locale, reason: string): Response {
	const m = messages(locale);
	const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>503 – ${m.appShortName}</title></head><body><main><h1>503</h1><p>${m.errors.unavailable}</p></main></body></html>`;
	return new Response(body, {
		status: 503,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'retry-after': '5',
			'cache-control': 'no-store',
			'x-unavailable-reason': reason
		}
	});
}

/** Headers every response carries; the Content-Security-Policy comes from svelte.config.js. */
export const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin'
};

/** A file the app hands out: an export, a calendar, a summary. */
export interface DownloadFile {
	filename: string;
	contentType: string;
	body: BodyInit;
}

/**
 * The HTTP answer for a file: saved as `filename` (or shown inline, as calendar feeds are polled),
 * never kept by a shared cache because every file here carries personal data.
 */
export function downloadResponse(
	file: DownloadFile,
	options: { inline?: boolean; cacheControl?: string } = {}
): Response {
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': contentDisposition(file.filename, {
				type: options.inline ? 'inline' : 'attachment'
			}),
			'cache-control': options.cacheControl ?? 'no-store'
		}
	});
}
