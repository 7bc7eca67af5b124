import { onMount } from 'svelte';
import { browser } from '$app/environment';

/** One clock for every relative time on the page, so "vor 5 Minuten" moves on by itself. */
let current = $state(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/**
 * The current time, refreshed every 30 seconds while a component that reads it is mounted.
 * The server renders with the time of the request (module state there is shared by requests).
 */
export function useNow(): { readonly value: number } {
	if (!browser) {
		const at = Date.now();
		return { value: at };
	}
	onMount(() => {
		current = Date.now();
		if (users++ === 0) timer = setInterval(() => (current = Date.now()), 30_000);
		return () => {
			if (--users === 0) clearInterval(timer);
		};
	});
	return {
		get value() {
			return current;
		}
	};
}
