// `npm test`: every check and test of the project, in the order that fails fastest.
// Installs what the tests need first (scripts/setup.js --test), so it works on a fresh machine.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

const stages = [
	['setup', 'node', ['scripts/setup.js', '--test']],
	['format', 'npx', ['prettier', '--check', '.']],
	['lint', 'npx', ['eslint', '.']],
	['types', 'npm', ['run', 'check']],
	['build', 'node', ['scripts/build.js']],
	['unit+integration', 'npx', ['vitest', 'run']],
	['browser', 'npx', ['playwright', 'test']]
];

const results = [];
for (const [name, cmd, args] of stages) {
	if (only.length > 0 && name !== 'setup' && !only.includes(name)) continue;
	const started = Date.now();
	console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
	const { status } = spawnSync(cmd, args, {
		stdio: 'inherit',
		cwd: root,
		env: { ...process.env, NODE_ENV: undefined }
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	results.push({ name, ok: status === 0, seconds });
	if (status !== 0) break;
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`stages: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
