// `npm run build`: the production build (vite build), stamped with the hash of its sources so
// that `npm start` can skip it when nothing changed since.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { hashFiles, isStale } from './setup.js';

const root = path.resolve(import.meta.dirname, '..');
const stampFile = path.join(root, 'build', '.source-hash');

/** Everything the production build is made from. */
const inputs = [
	'src',
	'static',
	'server',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

// adapter-node bundles Kit's output with its own rollup call, which takes no warning filter;
// Kit's empty virtual env module always yields this harmless line there.
const knownNoise = /^Generated an empty chunk: "chunks\/env\.js"\.$/;

function listFiles(entry) {
	const full = path.join(root, entry);
	if (!statSync(full).isDirectory()) return [entry];
	return readdirSync(full, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && !d.name.endsWith('.spec.ts'))
		.map((d) => path.relative(root, path.join(d.parentPath, d.name)))
		.sort();
}

const sourceHash = () => hashFiles(inputs.flatMap(listFiles));

/** Runs vite build without the known noise line; quiet keeps only warnings and errors. */
function viteBuild(quiet) {
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	const child = spawn(vite, ['build', ...(quiet ? ['--logLevel', 'warn'] : [])], {
		cwd: root,
		// Kit and its adapter report progress on stdout, warnings and errors go to stderr.
		stdio: ['ignore', quiet ? 'ignore' : 'pipe', 'pipe']
	});
	const passThrough = (input, output) =>
		createInterface({ input }).on('line', (line) => {
			if (!knownNoise.test(line.trim())) output.write(line + '\n');
		});
	if (child.stdout) passThrough(child.stdout, process.stdout);
	passThrough(child.stderr, process.stderr);
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`vite build failed with exit code ${code}`))
		);
	});
}

export async function build({ quiet = false } = {}) {
	const hash = sourceHash();
	await viteBuild(quiet);
	writeFileSync(stampFile, hash);
}

/** Builds only when the sources differ from those of the last build; true when it built. */
export async function buildIfChanged() {
	if (!isStale(stampFile, sourceHash())) return false;
	console.log('[build] Baue die App (vite build, etwa 15 Sekunden) …');
	await build({ quiet: true });
	return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	build().catch((err) => {
		console.error(err.message);
		process.exit(1);
	});
}
