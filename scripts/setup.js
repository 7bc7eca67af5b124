// Prepares this machine for running or testing the app, using only Node's standard library:
// npm packages (npm ci when the lock file changed), the embedded database launcher (Go build,
// cached by source hash), and with --test also Debian's Chromium and Redis for the tests.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const forTests = process.argv.includes('--test');
const step = (msg) => console.log(`[setup] ${msg}`);

function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
	if (result.error) throw new Error(`${cmd} could not run: ${result.error.message}`);
	if (result.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
}

function hashFiles(files) {
	const hash = createHash('sha256');
	for (const f of files) hash.update(f).update(readFileSync(path.join(root, f)));
	return hash.digest('hex');
}

function has(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// 1. npm packages, reinstalled only when package-lock.json changed.
const lockHash = hashFiles(['package-lock.json']);
const stamp = path.join(root, 'node_modules', '.lock-hash');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
	step('installing npm packages (npm ci)');
	run('npm', ['ci', '--no-audit', '--no-fund']);
	writeFileSync(stamp, lockHash);
}

// 2. The embedded database launcher (FerretDB), rebuilt only when its source changed.
const sourceHash = hashFiles(['embedded-db/go.mod', 'embedded-db/go.sum', 'embedded-db/main.go']);
const binDir = path.join(root, '.cache', 'embedded-db');
const binary = path.join(binDir, 'embedded-db');
const binStamp = path.join(binDir, 'source-hash');
if (!existsSync(binary) || !existsSync(binStamp) || readFileSync(binStamp, 'utf8') !== sourceHash) {
	if (!has('go')) {
		throw new Error(
			'Go is needed to build the embedded database (or set MONGODB_URI to a MongoDB server).'
		);
	}
	step('building the embedded database (FerretDB); the first build takes a few minutes');
	mkdirSync(binDir, { recursive: true });
	run('go', ['build', '-trimpath', '-o', binary, '.'], { cwd: path.join(root, 'embedded-db') });
	writeFileSync(binStamp, sourceHash);
}

// 3. For tests: Debian's Chromium (Playwright must not download its own) and Redis.
if (forTests) {
	const missing = [];
	if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
	if (!has('redis-server')) missing.push('redis-server');
	if (missing.length > 0) {
		if (process.getuid?.() !== 0 && !has('sudo')) {
			throw new Error(
				`Please install ${missing.join(' and ')} (Debian: apt-get install ${missing.join(' ')}).`
			);
		}
		const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
		step(`installing ${missing.join(', ')} from Debian`);
		const apt = (args) =>
			sudo.length
				? run('sudo', ['apt-get', ...args])
				: run('apt-get', args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		apt(['update', '-q']);
		apt(['install', '-y', '-q', ...missing]);
	}
}

step('ready');
