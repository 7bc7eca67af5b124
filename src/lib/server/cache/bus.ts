import { randomUUID } from 'node:crypto';
import { config } from '../config';
import { createRedisClient, sharedRedis, type RedisClient } from '../redis';
import { errorFields, log } from '../log';

/** One invalidation as it travels between instances. */
export type Invalidation =
	| { kind: 'keys'; cache: string; keys: string[] }
	| { kind: 'tags'; tags: string[] }
	/** Items added to an entry elsewhere: a cache that can continue the entry with them does. */
	| { kind: 'extend'; cache: string; key: string; items: unknown[] }
	| { kind: 'all' };

const channel = 'netzwerk:cache:invalidate';
const instance = randomUUID();
const busKey = Symbol.for('netzwerk.cache.bus');

interface Bus {
	subscriber: RedisClient;
}

/** Sends an invalidation to the other instances (with REDIS_URL; a no-op without). */
export function publishInvalidation(invalidation: Invalidation): void {
	const redis = sharedRedis();
	if (!redis) return;
	redis
		.publish(channel, JSON.stringify({ from: instance, ...invalidation }))
		.catch((err: unknown) =>
			log.warn('Cache invalidation not sent to other instances', errorFields(err))
		);
}

/**
 * Applies the other instances' invalidations here. While the subscription is down messages
 * are lost, so every (re)connect starts from empty caches.
 */
export async function subscribeInvalidations(
	apply: (invalidation: Invalidation) => void
): Promise<void> {
	const url = config().REDIS_URL;
	const store = globalThis as Record<symbol, Bus | undefined>;
	if (!url || store[busKey]) return;
	const subscriber = createRedisClient(url, 'cached pages may be stale until Redis is back');
	store[busKey] = { subscriber };
	subscriber.on('ready', () => apply({ kind: 'all' }));
	try {
		await subscriber.connect();
		await subscriber.subscribe(channel, (message) => {
			const parsed = JSON.parse(message) as Invalidation & { from: string };
			if (parsed.from !== instance) apply(parsed);
		});
		log.info('Cache invalidations connected to Redis');
	} catch (err) {
		log.error('Cannot subscribe to cache invalidations on Redis', errorFields(err));
	}
}
