import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import { signIn } from './support';

/**
 * A newcomer's first run: the README's own commands, with the environment of a plain shell
 * (no ORIGIN, PORT or NODE_ENV from a harness), then signing in with a demo login in Chromium,
 * then stopping the app the way the README says. Nothing of the app may be left running.
 */

const root = path.resolve(import.meta.dirname, '../..');
const dataFolder = path.join(root, 'data');
const shellEnvironment = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };

function portOpen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ port, host: 'localhost' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Processes whose command line names this checkout's data folder: the embedded database. */
function processesUsingDataFolder(): string[] {
	const found: string[] = [];
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		try {
			const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
			if (args.includes(dataFolder)) found.push(`${pid}: ${args}`);
		} catch {
			// the process ended while we looked
		}
	}
	return found;
}

/** Runs an npm script as its own process group, the way a terminal runs a command. */
function runNpm(args: string[]): { child: ChildProcess; output: () => string } {
	const child = spawn('npm', args, {
		cwd: root,
		env: shellEnvironment,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
	child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
	return { child, output: () => output };
}

async function waitForReady(url: string, run: { child: ChildProcess; output: () => string }) {
	await expect
		.poll(
			async () => {
				if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
				return fetch(`${url}/readyz`).then(
					(res) => res.status,
					() => 0
				);
			},
			{ timeout: 240_000, intervals: [500] }
		)
		.toBe(200);
}

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function signInWithDemoLogin(browser: Browser, baseURL: string) {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signIn(page, 'anna.schulze@netzwerk.example');
	await expect(page.getByRole('heading', { name: 'Neu im Forum' })).toBeVisible();
	await context.close();
}

async function expectNothingLeft(port: number) {
	await expect.poll(() => portOpen(port), { timeout: 15_000 }).toBe(false);
	await expect.poll(processesUsingDataFolder, { timeout: 15_000 }).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test('npm start: a browser signs in on http://localhost:3000, and SIGTERM leaves nothing behind', async ({
	browser
}) => {
	test.setTimeout(300_000);
	expect(await portOpen(3000), 'port 3000 must be free for this test').toBe(false);
	const run = runNpm(['start']);
	try {
		await waitForReady('http://localhost:3000', run);
		expect(run.output()).toContain('Netzwerk läuft auf http://localhost:3000');
		expect(run.output()).toContain('anna.schulze@netzwerk.example');
		await signInWithDemoLogin(browser, 'http://localhost:3000');
		// As a process manager or `kill` would: the signal goes to npm, not to a process group.
		run.child.kill('SIGTERM');
		await exited(run.child);
		await expectNothingLeft(3000);
	} finally {
		if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
	}
});

test('npm run dev: a browser signs in on http://localhost:5173, and Ctrl+C leaves nothing behind', async ({
	browser
}) => {
	test.setTimeout(300_000);
	expect(await portOpen(5173), 'port 5173 must be free for this test').toBe(false);
	const run = runNpm(['run', 'dev']);
	try {
		await waitForReady('http://localhost:5173', run);
		await signInWithDemoLogin(browser, 'http://localhost:5173');
		// Ctrl+C in a terminal sends SIGINT to the whole foreground process group.
		process.kill(-run.child.pid!, 'SIGINT');
		await exited(run.child);
		await expectNothingLeft(5173);
	} finally {
		if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGKILL');
	}
});
