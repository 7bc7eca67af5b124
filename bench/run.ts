// npm run bench [scenario ...]: runs benchmark scenarios and prints one BENCH line per result.
// Figures only: a benchmark never passes or fails. Loopback only; every loop is bounded.
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const here = import.meta.dirname;
const available = readdirSync(path.join(here, 'scenarios'))
	.filter((f) => f.endsWith('.ts'))
	.map((f) => f.replace(/\.ts$/, ''));
const wanted = process.argv.slice(2);
const scenarios = wanted.length > 0 ? wanted : available;
for (const name of scenarios) {
	if (!available.includes(name)) {
		console.error(`Unknown scenario "${name}". Available: ${available.join(', ')}`);
		process.exit(2);
	}
}

const sha = (() => {
	try {
		return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
			.toString()
			.trim();
	} catch {
		return 'unknown';
	}
})();
console.log(
	[
		`# git ${sha}`,
		`node ${process.version}`,
		`cpu "${os.cpus()[0]?.model ?? 'unknown'}" x${os.cpus().length}`,
		`socket.io ${require('socket.io/package.json').version}`,
		`ws ${require('ws/package.json').version}`,
		`database ${process.env.MONGODB_URI ? 'mongodb (MONGODB_URI)' : 'embedded FerretDB 1.24 (SQLite)'}`
	].join(' | ')
);

for (const name of scenarios) {
	const scenario = (await import(path.join(here, 'scenarios', `${name}.ts`))) as {
		run: () => Promise<void>;
	};
	await scenario.run();
}
