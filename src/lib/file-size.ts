import { languageTags } from './datetime';
import type { Locale } from './i18n/locales';

const units = ['byte', 'kilobyte', 'megabyte'] as const;
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * "340 KB", "1,2 MB" / "1.2 MB": in steps of 1024, as file managers count, so a file shown as
 * 25 MB is one the 25 MB cap takes.
 */
export function formatFileSize(bytes: number, locale: Locale): string {
	let unit = 0;
	let value = bytes;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const key = `${locale}:${unit}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat(languageTags[locale], {
			style: 'unit',
			unit: units[unit],
			unitDisplay: 'short',
			maximumFractionDigits: unit === 2 ? 1 : 0
		});
		formatters.set(key, formatter);
	}
	return formatter.format(value);
}
