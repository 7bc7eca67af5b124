// Prepares this machine for running or testing the app: npm packages (npm ci when the lock file
// changed, using only Node's standard library), the embedded database launcher (Go build of a
// patched FerretDB, cached by source hash), and with --test also Debian's Chromium and Redis.
// `node scripts/setup.js [--test]` runs it; scripts/start.js and scripts/dev.js call setup().
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const step = (msg) => console.log(`[setup] ${msg}`);

export function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
	if (result.error) throw new Error(`${cmd} could not run: ${result.error.message}`);
	if (result.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Like run(), but the event loop stays free, so a long step can report its progress. */
function runWithProgress(cmd, args, options, describe) {
	const started = Date.now();
	const timer = setInterval(() => {
		const seconds = Math.round((Date.now() - started) / 1000);
		step(`${describe}: ${seconds} s …`);
	}, 15_000);
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, ...options });
		child.once('error', (err) => reject(new Error(`${cmd} could not run: ${err.message}`)));
		child.once('exit', (code) =>
			code === 0
				? resolve()
				: reject(new Error(`${cmd} ${args.join(' ')} failed with exit code ${code}`))
		);
	}).finally(() => clearInterval(timer));
}

export function hashFiles(files) {
	const hash = createHash('sha256');
	for (const f of files) hash.update(f).update(readFileSync(path.join(root, f)));
	return hash.digest('hex');
}

/** A stamp file holding the hash of what was built from; the step runs again when it differs. */
export function isStale(stampFile, hash) {
	return !existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== hash;
}

function has(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** npm packages, reinstalled only when package-lock.json changed. */
function installPackages() {
	const lockHash = hashFiles(['package-lock.json']);
	const stamp = path.join(root, 'node_modules', '.lock-hash');
	if (!isStale(stamp, lockHash)) return;
	step('Installiere npm-Pakete (npm ci) …');
	run('npm', ['ci', '--no-audit', '--no-fund']);
	writeFileSync(stamp, lockHash);
}

const embeddedDbDir = path.join(root, 'embedded-db');
const ferretModule = 'github.com/FerretDB/FerretDB';

/** Fixes carried for FerretDB 1.x, which gets no upstream releases any more. */
function ferretPatches() {
	return readdirSync(path.join(embeddedDbDir, 'patches'))
		.filter((name) => name.endsWith('.patch'))
		.sort()
		.map((name) => `embedded-db/patches/${name}`);
}

function goOutput(args) {
	const result = spawnSync('go', args, { cwd: embeddedDbDir, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`go ${args.join(' ')} failed: ${result.stderr.trim()}`);
	return result.stdout;
}

/**
 * A writable copy of the FerretDB module with the patches applied, where the `replace` in
 * embedded-db/go.mod points. The pristine module comes from the Go module cache (downloaded
 * through the Go module proxy the first time, checked against go.sum).
 */
async function preparePatchedFerretDB() {
	const modFile = JSON.parse(goOutput(['mod', 'edit', '-json']));
	const version = modFile.Require.find((r) => r.Path === ferretModule)?.Version;
	const target = modFile.Replace?.find((r) => r.Old.Path === ferretModule)?.New.Path;
	if (!version || !target) {
		throw new Error(`embedded-db/go.mod must require and replace ${ferretModule}`);
	}
	const download = JSON.parse(goOutput(['mod', 'download', '-json', `${ferretModule}@${version}`]));
	if (!download.Dir) throw new Error(`${ferretModule} ${version}: ${download.Error}`);
	const pristine = download.Dir;
	const copy = path.resolve(embeddedDbDir, target);
	rmSync(copy, { recursive: true, force: true });
	cpSync(pristine, copy, { recursive: true });
	// The module cache is read-only; the copy must be writable to be patched and removed.
	for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
		chmodSync(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
	}
	chmodSync(copy, 0o755);

	const { applyPatch, parsePatch } = await import('diff');
	for (const patchFile of ferretPatches()) {
		for (const filePatch of parsePatch(readFileSync(path.join(root, patchFile), 'utf8'))) {
			const file = path.join(copy, filePatch.newFileName.replace(/^b\//, ''));
			const patched = applyPatch(readFileSync(file, 'utf8'), filePatch);
			if (patched === false) {
				throw new Error(`${patchFile} does not apply to ${ferretModule} ${version}`);
			}
			writeFileSync(file, patched);
		}
	}
}

/** The embedded database launcher (FerretDB), rebuilt only when its source or patches changed. */
async function buildEmbeddedDatabase() {
	const sourceHash = hashFiles([
		'embedded-db/go.mod',
		'embedded-db/go.sum',
		'embedded-db/main.go',
		...ferretPatches()
	]);
	const binDir = path.join(root, '.cache', 'embedded-db');
	const binary = path.join(binDir, 'embedded-db');
	const binStamp = path.join(binDir, 'source-hash');
	if (existsSync(binary) && !isStale(binStamp, sourceHash)) return;
	if (!has('go')) {
		throw new Error(
			'Go (1.24 or newer) is needed to build the embedded database, or set MONGODB_URI to a MongoDB server.'
		);
	}
	step(
		'Baue die eingebettete Datenbank (FerretDB) … (einmalig, etwa 3 Minuten; lädt beim ersten Mal rund 600 MB Go-Module)'
	);
	mkdirSync(binDir, { recursive: true });
	await preparePatchedFerretDB();
	await runWithProgress(
		'go',
		['build', '-trimpath', '-o', binary, '.'],
		{ cwd: embeddedDbDir },
		'Eingebettete Datenbank wird gebaut'
	);
	writeFileSync(binStamp, sourceHash);
	step('Eingebettete Datenbank gebaut.');
}

/**
 * Debian's Chromium (Playwright must not download its own) and Redis for the tests. Debian's
 * redis-server package would enable and start a system-wide service on port 6379; the tests
 * start their own Redis on a free port, so the service is kept from starting and disabled.
 */
function installTestPackages() {
	const missing = [];
	if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
	if (!has('redis-server')) missing.push('redis-server');
	if (missing.length === 0) return;
	const asRoot = process.getuid?.() === 0;
	if (!asRoot && !has('sudo')) {
		throw new Error(
			`Please install ${missing.join(' and ')} (Debian: apt-get install ${missing.join(' ')}).`
		);
	}
	const asAdmin = (cmd, args) =>
		asRoot
			? run(cmd, args, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
			: run('sudo', [cmd, ...args]);
	// Debian's way to keep package installs from starting services (exit 101 = "not allowed").
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = asRoot && !existsSync(policy);
	if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		step(`Installiere ${missing.join(', ')} aus Debian …`);
		asAdmin('apt-get', ['update', '-q']);
		asAdmin('apt-get', ['install', '-y', '-q', ...missing]);
	} finally {
		if (ownPolicy) rmSync(policy, { force: true });
	}
	if (missing.includes('redis-server')) {
		const disable = (cmd, ...args) =>
			spawnSync(asRoot ? cmd : 'sudo', asRoot ? args : [cmd, ...args], { stdio: 'ignore' });
		if (has('systemctl')) disable('systemctl', 'disable', '--now', 'redis-server');
		if (has('update-rc.d')) disable('update-rc.d', 'redis-server', 'disable');
		step(
			'Redis ist nur für die Tests installiert: der Systemdienst bleibt aus, die Tests starten ihren eigenen Redis auf einem freien Port.'
		);
	}
}

export async function setup({ forTests = false } = {}) {
	installPackages();
	await buildEmbeddedDatabase();
	if (forTests) installTestPackages();
	step('bereit');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	setup({ forTests: process.argv.includes('--test') }).catch((err) => {
		console.error(`[setup] ${err.message}`);
		process.exit(1);
	});
}
