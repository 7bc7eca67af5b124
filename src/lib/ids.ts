/**
 * A database id as it appears in URLs, forms and socket payloads: 24 lower-case hex digits.
 * The one definition behind the `objectid` route matcher and the `objectId` schema field.
 */
export const objectIdPattern = /^[a-f0-9]{24}$/;

export function isObjectId(value: unknown): value is string {
	return typeof value === 'string' && objectIdPattern.test(value);
}
