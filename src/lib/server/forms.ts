import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { validationMessage, type Locale } from '$lib/i18n';

/** Field names never sent back to the browser after a failed submit. */
const secretFields = new Set([
	'password',
	'passwordConfirm',
	'currentPassword',
	'deletePassword',
	'token'
]);

export type FieldErrors = Record<string, string>;

/**
 * Reads a form into a plain object. Fields named in `arrays` keep every value (checkbox
 * groups, multi-selects); files are left out (read them from the FormData yourself).
 */
export function formToObject(
	formData: FormData,
	arrays: readonly string[] = []
): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const key of new Set(formData.keys())) {
		const values = formData.getAll(key).filter((v): v is string => typeof v === 'string');
		if (arrays.includes(key)) result[key] = values;
		else if (values.length > 0) result[key] = values[0];
	}
	for (const key of arrays) result[key] ??= [];
	return result;
}

/** What a form may show again: the user's input without secrets. */
export function echoValues(raw: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(raw).filter(([k]) => !secretFields.has(k)));
}

export function fieldErrors(error: z.ZodError, locale: Locale): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= validationMessage(locale, issue.message);
	}
	return errors;
}

export type ParsedForm<T> =
	| { ok: true; data: T; raw: Record<string, unknown> }
	| {
			ok: false;
			failure: ReturnType<typeof fail<{ values: Record<string, unknown>; errors: FieldErrors }>>;
	  };

/** formData -> zod safeParse -> data, or a 400 failure with localised field errors and the input. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: Locale,
	arrays: readonly string[] = []
): Promise<ParsedForm<z.infer<S>>> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return {
			ok: false,
			failure: fail(400, { values: {}, errors: { form: validationMessage(locale, 'invalid') } })
		};
	}
	const raw = formToObject(formData, arrays);
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		return {
			ok: false,
			failure: fail(400, { values: echoValues(raw), errors: fieldErrors(parsed.error, locale) })
		};
	}
	return { ok: true, data: parsed.data, raw };
}

/** A failure with one message for the whole form (or for one field), keeping the input. */
export function formError(
	raw: Record<string, unknown>,
	message: string,
	field = 'form',
	status = 400
) {
	return fail(status, { values: echoValues(raw), errors: { [field]: message } as FieldErrors });
}
