export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'de';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the first supported language of an Accept-Language header, German otherwise. */
export function localeFromAcceptLanguage(header: string | null): Locale {
	if (!header) return defaultLocale;
	for (const part of header.split(',')) {
		const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return defaultLocale;
}
