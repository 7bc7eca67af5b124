import type { Result } from '../../src/lib/server/result';

/** The value of a result the test expects to succeed; a refusal fails the test with its reason. */
export function valueOf<T>(result: Result<T>): T {
	if (!result.ok) throw new Error(`refused: ${result.failure.code} (${result.failure.message})`);
	return result.value;
}

/** The text key a refused result names, or 'ok'. */
export const refusalOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.failure.message);
