/**
 * The reactions offered on forum posts and chat messages, in display order. The keys are what
 * the database stores (names, not emoji: they are safe field names for $addToSet and $pull).
 */
export const reactionEmoji = {
	like: '👍',
	heart: '❤️',
	tada: '🎉',
	laugh: '😄',
	thinking: '🤔',
	eyes: '👀'
} as const;

export type ReactionKey = keyof typeof reactionEmoji;
export const reactionKeys = Object.keys(reactionEmoji) as [ReactionKey, ...ReactionKey[]];

export function isReactionKey(value: unknown): value is ReactionKey {
	return typeof value === 'string' && Object.hasOwn(reactionEmoji, value);
}

/** Who reacted how: reaction key -> ids of the members who reacted (absent when nobody did). */
export type Reactions = Partial<Record<ReactionKey, string[]>>;

/** Keys chat messages were stored with before chat and forum shared one set. */
const formerKeys: Record<string, ReactionKey> = { thumbsup: 'like' };

/** The stored fields a reaction may sit in: its key and the keys it had before. */
export function storedReactionKeys(key: ReactionKey): string[] {
	return [key, ...Object.keys(formerKeys).filter((former) => formerKeys[former] === key)];
}

/**
 * Stored reactions (key -> ids of the members who reacted) as pages show them: former keys read
 * as today's, unknown keys and empty lists left out, ids as strings.
 */
export function readReactions(stored: object | null | undefined): Reactions {
	const reactions: Reactions = {};
	for (const [storedKey, ids] of Object.entries(stored ?? {}) as [string, unknown][]) {
		const key = isReactionKey(storedKey) ? storedKey : formerKeys[storedKey];
		if (!key || !Array.isArray(ids) || ids.length === 0) continue;
		reactions[key] = [...new Set([...(reactions[key] ?? []), ...ids.map(String)])];
	}
	return reactions;
}
