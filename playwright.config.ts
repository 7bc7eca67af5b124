import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Chosen once in the main process; workers inherit the environment and see the same values.
process.env.E2E_PORT ??= String(20000 + (process.pid % 20000));
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'netzwerk-e2e-'));
process.env.E2E_MAIL_DIR ??= path.join(process.env.E2E_DATA_DIR, 'mail');
process.env.E2E_SMTP_PORT ??= String(Number(process.env.E2E_PORT) + 1);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

// Debian's Chromium (installed by scripts/setup.js); Playwright's own download is not possible here.
const debianChromium = '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: existsSync(debianChromium) ? debianChromium : undefined,
			args: ['--disable-gpu', '--disable-quic']
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// The built app on the embedded database with demo data, as `npm start` runs it.
		command: 'node server/index.js',
		url: `${baseURL}/readyz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: process.env.E2E_PORT,
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			NODE_ENV: 'production',
			DATA_DIR: process.env.E2E_DATA_DIR,
			SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
			LOG_LEVEL: 'warn',
			LOGIN_THROTTLE: 'off'
		}
	}
});
