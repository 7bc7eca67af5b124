import type { ParamMatcher } from '@sveltejs/kit';
import { isObjectId } from '$lib/ids';

/** `[id=objectid]`: any other value is not a route here, so Kit answers 404 before the page runs. */
export const match = ((param: string): param is string => isObjectId(param)) satisfies ParamMatcher;
