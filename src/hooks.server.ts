import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as cache from '$lib/server/cache';
import * as chat from '$lib/server/chat';
import { config } from '$lib/server/config';
import * as db from '$lib/server/db';
import * as jobs from '$lib/server/jobs';
import { securityHeaders, unavailableResponse } from '$lib/server/http';
import { errorFields, log } from '$lib/server/log';
import * as realtime from '$lib/server/realtime';
import * as search from '$lib/server/search';
import { ensureDemoData } from '$lib/server/seed';
import * as uploads from '$lib/server/uploads';
import * as workshops from '$lib/server/workshops';
import { isLocale, localeFromAcceptLanguage, messages, type Locale } from '$lib/i18n';

export const init: ServerInit = async () => {
	const settings = config(); // exits with one clear line on a bad variable (see server/index.js)
	await db.connectDatabase();
	await cache.startCacheSync();
	await db.applyOnce('chat-read-positions-by-member-and-channel', chat.rekeyReadPositions);
	db.startExpirySweeper();
	await ensureDemoData(settings.SEED_DEMO);
	search.startSearchIndex();
	realtime.register();
	// Links in mails: the public address, or where a local start serves the app.
	workshops.startWorkshops({
		origin: settings.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`
	});
	jobs.startJobRunner();
	// Awaited by server/index.js and scripts/dev.js after the sockets closed: queued jobs
	// finish and buffered chat writes go out first.
	process.once('sveltekit:shutdown', async () => {
		await jobs.stopJobRunner();
		await search.stopSearchIndex();
		await chat
			.flushPendingWrites()
			.catch((err: unknown) => log.warn('Chat writes lost at shutdown', errorFields(err)));
		await db.disconnectDatabase();
	});
};

/** Paths served without the database: health probes and static assets. */
const withoutDatabase = (path: string) =>
	path === '/healthz' || path === '/readyz' || path.startsWith('/_app/') || path === '/favicon.svg';

function pickLocale(event: Parameters<Handle>[0]['event']): Locale {
	const fromMember = event.locals.member?.locale;
	if (fromMember) return fromMember;
	const fromCookie = event.cookies.get(auth.localeCookieName);
	if (isLocale(fromCookie)) return fromCookie;
	return localeFromAcceptLanguage(event.request.headers.get('accept-language'));
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.member = null;
	event.locals.session = null;
	event.locals.locale = pickLocale(event);
	if (uploads.declaresTooLargeBody(event.request, event.route.id))
		return new Response(messages(event.locals.locale).uploads.errors.requestTooLarge, {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});

	if (!withoutDatabase(event.url.pathname)) {
		if (!db.isDatabaseConnected()) return unavailableResponse(event.locals.locale, 'database');
		const token = event.cookies.get(auth.sessionCookieName);
		if (token) {
			try {
				const { session, member } = await auth.validateSessionToken(token);
				if (session) {
					event.locals.session = session;
					event.locals.member = member;
					event.locals.locale = pickLocale(event);
					if (session.renewed)
						auth.setSessionCookie(event.cookies, event.url, token, session.expiresAt);
				} else {
					auth.deleteSessionCookie(event.cookies, event.url);
				}
			} catch (err) {
				if (db.isDatabaseUnavailableError(err))
					return unavailableResponse(event.locals.locale, 'database');
				throw err;
			}
		}
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (db.isDatabaseUnavailableError(error)) {
		log.warn('Request failed: database unavailable', { path: event.url.pathname });
		return { message: 'unavailable', code: 'unavailable' };
	}
	if (status === 404) return { message: 'not_found', code: 'not_found' };
	log.error('Unexpected error', { path: event.url.pathname, status, ...errorFields(error) });
	return { message: 'unexpected', code: 'unexpected' };
};
