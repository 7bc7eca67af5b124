import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

/**
 * A fresh folder for one test's data, inside the run's own temporary folder that the global
 * set-up removes at the end (so a run leaves nothing in the system's temp directory, even when
 * a test forgets to clean up or fails half-way).
 */
export function tempDir(prefix: string): string {
	return mkdtempSync(path.join(inject('tempRoot'), `${prefix}-`));
}
