import { z } from 'zod';

/**
 * Every environment variable the app reads, validated once at start.
 * A wrong value stops the process with one line that names the variable.
 */
const schema = z
	.object({
		NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
		MONGODB_URI: z
			.string()
			.regex(
				/^mongodb(\+srv)?:\/\/[^/\s]+(\/[^\s]*)?$/,
				'must look like mongodb://host:port/database'
			)
			.optional(),
		DATA_DIR: z.string().min(1).default('data'),
		/** Seconds the app keeps restarting a stopped embedded database before /healthz fails. */
		EMBEDDED_DB_RESTART_LIMIT: z.coerce
			.number('must be a number of seconds')
			.int('must be a whole number of seconds')
			.min(1, 'must be at least 1 second')
			.max(3600, 'must be at most 3600 seconds')
			.default(60),
		ORIGIN: z.url('must be the public URL of the app, e.g. https://netzwerk.example.de').optional(),
		REDIS_URL: z
			.string()
			.regex(/^rediss?:\/\/\S+$/, 'must look like redis://host:port')
			.optional(),
		SMTP_URL: z
			.string()
			.regex(/^smtps?:\/\/\S+$/, 'must look like smtp://user:pass@host:port')
			.optional(),
		MAIL_FROM: z.string().min(3).default('Netzwerk <netzwerk@localhost>'),
		LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
		SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
		LOGIN_THROTTLE: z.enum(['on', 'off']).default('on'),
		/** Per-address limit on new socket connections; off only for load tests on loopback. */
		SOCKET_CONNECT_LIMIT: z.enum(['on', 'off']).default('on'),
		/** Per-member chat flood limit; off only for load tests and benchmarks. */
		CHAT_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
		/** In-process read caches (cache/); off makes every cache a pass-through. */
		CACHE: z.enum(['on', 'off']).default('on')
	})
	.superRefine((env, ctx) => {
		if (env.NODE_ENV === 'production' && !env.ORIGIN) {
			ctx.addIssue({
				code: 'custom',
				path: ['ORIGIN'],
				message:
					'is required in production (the public URL, used for the CSRF and socket origin checks)'
			});
		}
	});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Empty strings count as unset, as in most .env tooling. */
function withoutEmpty(env: Record<string, string | undefined>) {
	return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = schema.safeParse(withoutEmpty(env));
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const name = String(issue.path[0] ?? 'environment');
		throw new ConfigError(`Configuration error: ${name} ${issue.message}`);
	}
	return result.data;
}

let cached: Config | undefined;

/** The validated configuration of this process. */
export function config(): Config {
	cached ??= parseConfig(process.env);
	return cached;
}
