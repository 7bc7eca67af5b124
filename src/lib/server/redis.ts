import { createClient } from 'redis';
import { config } from './config';
import { errorFields, log } from './log';

const newClient = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof newClient>;

/**
 * A Redis client for REDIS_URL that logs its errors instead of crashing the process; the
 * client reconnects by itself. `meanwhile` says what happens while Redis is away.
 */
export function createRedisClient(url: string, meanwhile: string): RedisClient {
	const client = newClient(url);
	client.on('error', (err) => log.warn(`Redis error; ${meanwhile}`, errorFields(err)));
	return client;
}

const key = Symbol.for('netzwerk.redis.shared');

/**
 * The process's shared command client (rate limits), connected on first use; null without
 * REDIS_URL. Kept on globalThis because the app's modules may be loaded more than once.
 */
export function sharedRedis(): RedisClient | null {
	const url = config().REDIS_URL;
	if (!url) return null;
	const store = globalThis as Record<symbol, RedisClient | undefined>;
	let client = store[key];
	if (!client) {
		client = createRedisClient(url, 'rate limits count on each instance alone meanwhile');
		store[key] = client;
		client
			.connect()
			.catch((err: unknown) => log.error('Cannot connect to Redis', errorFields(err)));
	}
	return client;
}
