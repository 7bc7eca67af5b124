import { formatDay, formatTime } from '$lib/datetime';
import { messages, type Locale } from '$lib/i18n';
import type { WorkshopLean } from './access';

/** "3. Transfer-Workshop: Agiles Arbeiten …" or the bare title. */
export function workshopName(w: Pick<WorkshopLean, 'number' | 'title'>, locale: Locale): string {
	return w.number ? `${messages(locale).workshops.numbered(w.number)}: ${w.title}` : w.title;
}

/** "Donnerstag, 29. September 2022, 10:00 Uhr" / "Thursday, 29 September 2022, 10:00": for mails. */
export function describeWhen(w: Pick<WorkshopLean, 'startsAt'>, locale: Locale): string {
	const time = formatTime(w.startsAt, locale);
	return `${formatDay(w.startsAt, locale)}, ${locale === 'de' ? `${time} Uhr` : time}`;
}
