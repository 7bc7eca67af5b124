import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
	it('gives sane defaults for local use', () => {
		const c = parseConfig({});
		expect(c.NODE_ENV).toBe('development');
		expect(c.MONGODB_URI).toBeUndefined();
		expect(c.DATA_DIR).toBe('data');
		expect(c.SEED_DEMO).toBe('auto');
	});

	it('treats empty strings as unset', () => {
		expect(parseConfig({ MONGODB_URI: '' }).MONGODB_URI).toBeUndefined();
	});

	it.each([
		[{ MONGODB_URI: 'http://x' }, 'MONGODB_URI'],
		[{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
		[{ SMTP_URL: 'mail.example' }, 'SMTP_URL'],
		[{ ORIGIN: 'not a url' }, 'ORIGIN'],
		[{ NODE_ENV: 'production' }, 'ORIGIN'],
		[{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL']
	])('names the variable in one line for %o', (env, name) => {
		expect(() => parseConfig(env)).toThrow(ConfigError);
		expect(() => parseConfig(env)).toThrow(new RegExp(`^Configuration error: ${name} `));
	});

	it('accepts a production set-up', () => {
		const c = parseConfig({
			NODE_ENV: 'production',
			ORIGIN: 'https://netzwerk.example.de',
			MONGODB_URI: 'mongodb://db:27017/netzwerk',
			REDIS_URL: 'redis://redis:6379',
			SMTP_URL: 'smtp://user:pw@mail:587'
		});
		expect(c.ORIGIN).toBe('https://netzwerk.example.de');
	});
});
