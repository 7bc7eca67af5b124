import type { Snippet } from 'svelte';

/** What a record's own fields get: the values to show and the errors of a refused save. */
export interface RecordFieldsProps {
	values: Record<string, unknown>;
	errors: Record<string, string | undefined>;
}

/** The fields a record form has besides its name, as a snippet of the page. */
export type RecordFields = Snippet<[RecordFieldsProps]>;

/** A form action's answer as a page receives it: refused (values, errors), saved, or none. */
export type FormAnswer = Record<string, unknown> | null | undefined;

export const wasSaved = (form: FormAnswer) => !!form && 'saved' in form;

/** The values to show: what a refused save sent back, else `fallback`. */
export function recordFields(form: FormAnswer, fallback: object): RecordFieldsProps {
	return {
		values: (form?.values ?? fallback) as RecordFieldsProps['values'],
		errors: (form?.errors ?? {}) as RecordFieldsProps['errors']
	};
}
