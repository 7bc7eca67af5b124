/**
 * A tiny in-process cache for figures that may be a few seconds old (counts on overview
 * pages). Concurrent callers share one pending computation. Not for anything that decides
 * access: permissions and sessions are always read fresh.
 */
const entries = new Map<string, { until: number; value: Promise<unknown> }>();

export function cached<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
	const now = Date.now();
	const hit = entries.get(key);
	if (hit && hit.until > now) return hit.value as Promise<T>;
	const value = compute();
	entries.set(key, { until: now + ttlMs, value });
	value.catch(() => entries.delete(key));
	return value;
}

export function forget(keyPrefix: string): void {
	for (const key of entries.keys()) if (key.startsWith(keyPrefix)) entries.delete(key);
}
