/** A unique-index violation (same slug, same name in a state): answered as a form error, not a 500. */
export const isDuplicate = (err: unknown) =>
	typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
