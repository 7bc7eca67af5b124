import { getContext, setContext } from 'svelte';
import type { Locale } from './locales';
import common from './messages/common';
import auth from './messages/auth';
import notifications from './messages/notifications';
import members from './messages/members';
import admin from './messages/admin';
import chat from './messages/chat';
import forum from './messages/forum';
import audit from './messages/audit';
import workshops from './messages/workshops';
import workshopResults from './messages/workshop-results';
import uploads from './messages/uploads';
import survey from './messages/survey';
import needs from './messages/needs';
import legal from './messages/legal';
import workshopSummary from './messages/workshop-summary';
import search from './messages/search';

export * from './locales';

/**
 * All UI text, one dictionary per domain and language. The English dictionaries are typed
 * against the German ones, so a missing or misspelt key fails the type check.
 */
const dictionaries = {
	de: {
		...common.de,
		auth: auth.de,
		notifications: notifications.de,
		members: members.de,
		admin: admin.de,
		chat: chat.de,
		forum: forum.de,
		audit: audit.de,
		workshops: workshops.de,
		workshopResults: workshopResults.de,
		uploads: uploads.de,
		survey: survey.de,
		needs: needs.de,
		legal: legal.de,
		workshopSummary: workshopSummary.de,
		search: search.de
	},
	en: {
		...common.en,
		auth: auth.en,
		notifications: notifications.en,
		members: members.en,
		admin: admin.en,
		chat: chat.en,
		forum: forum.en,
		audit: audit.en,
		workshops: workshops.en,
		workshopResults: workshopResults.en,
		uploads: uploads.en,
		survey: survey.en,
		needs: needs.en,
		legal: legal.en,
		workshopSummary: workshopSummary.en,
		search: search.en
	}
} satisfies Record<Locale, unknown>;

export type Messages = (typeof dictionaries)['de'];

export function messages(locale: Locale): Messages {
	return dictionaries[locale];
}

export type ValidationKey = keyof Messages['validation'];

/** Dotted paths to the plain texts of a dictionary ('forum.errors.locked'), not to functions. */
type TextPaths<T, Prefix extends string = ''> = {
	[K in keyof T & string]: T[K] extends string
		? `${Prefix}${K}`
		: T[K] extends Record<string, unknown>
			? TextPaths<T[K], `${Prefix}${K}.`>
			: never;
}[keyof T & string];

/** A text of the dictionaries by its path: what services name when they refuse. */
export type MessageKey = TextPaths<Messages>;

export function text(locale: Locale, key: MessageKey): string {
	let node: unknown = messages(locale);
	for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
	return typeof node === 'string' ? node : key;
}

/** Maps a validation message key (as used in the zod schemas) to text in the given language. */
export function validationMessage(locale: Locale, key: string): string {
	const table = messages(locale).validation as Record<string, string>;
	return table[key] ?? table.invalid!;
}

interface I18nContext {
	readonly locale: Locale;
	readonly m: Messages;
}

const contextKey = Symbol('i18n');

/** Called once by the root layout with a getter, so a language switch re-renders. */
export function provideI18n(getLocale: () => Locale): I18nContext {
	const context: I18nContext = {
		get locale() {
			return getLocale();
		},
		get m() {
			return messages(getLocale());
		}
	};
	return setContext(contextKey, context);
}

/** The current language and its messages, inside any component. */
export function useI18n(): I18nContext {
	return getContext<I18nContext>(contextKey);
}
