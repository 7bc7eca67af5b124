import type { ParamMatcher } from '@sveltejs/kit';
import { isLegalPage, type LegalPageKey } from '$lib/legal';

/** `[page=legal]`: /impressum, /datenschutz, /barrierefreiheit; anything else is not this route. */
export const match = ((param: string): param is LegalPageKey =>
	isLegalPage(param)) satisfies ParamMatcher;
