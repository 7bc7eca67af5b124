import { describe, expect, it } from 'vitest';
import { reaction } from './schemas/fields';
import { readReactions, reactionKeys, storedReactionKeys } from './reactions';

describe('reactions', () => {
	it('are one set of keys for forum posts and chat messages', () => {
		expect(reactionKeys).toEqual(['like', 'heart', 'tada', 'laugh', 'thinking', 'eyes']);
		for (const key of reactionKeys) expect(reaction.safeParse(key).success).toBe(true);
		expect(reaction.safeParse('thumbsup').success).toBe(false);
		expect(reaction.safeParse('toString').success).toBe(false);
	});

	it('read stored reactions with former keys as today, dropping unknown keys and empty lists', () => {
		const id = { toString: () => 'a1' };
		expect(
			readReactions({ like: ['b2', id], thumbsup: ['a1', 'c3'], heart: [], poop: ['x'] })
		).toEqual({ like: ['b2', 'a1', 'c3'] });
		expect(readReactions(null)).toEqual({});
		expect(storedReactionKeys('like')).toEqual(['like', 'thumbsup']);
		expect(storedReactionKeys('heart')).toEqual(['heart']);
	});
});
