// npx tsx bench/cpu-profile.ts <file.cpuprofile> [top] [app-pattern]: what a server profile
// (BENCH_CPU_PROF=<dir>) spent its time on. Self time per function and per package, and the
// inclusive time of the app's frames (each function counted once per sampled stack, so
// recursion does not count twice). Percentages are of the busy (not idle) time.
import { readFileSync } from 'node:fs';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

const [file, topArg, appArg] = process.argv.slice(2);
if (!file) {
	console.error('usage: tsx bench/cpu-profile.ts <file.cpuprofile> [top=25] [app-pattern]');
	process.exit(2);
}
const top = Number(topArg ?? 25);
const appFrame = new RegExp(appArg ?? '(^|/)build/server/');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url: string) =>
	url
		.replace(/^file:\/\//, '')
		.replace(/.*\/node_modules\//, 'node_modules/')
		.replace(/.*\/build\//, 'build/');
const frameName = (node: ProfileNode) => {
	const { functionName, url, lineNumber } = node.callFrame;
	return `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
};
// One package (node_modules/x or node_modules/@scope/x) or one file of the app.
const packageOf = (node: ProfileNode) =>
	node.callFrame.url
		? shortUrl(node.callFrame.url).replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*/, '$1')
		: `(${node.callFrame.functionName})`;

const self = new Map<string, number>();
const selfByPackage = new Map<string, number>();
const inclusive = new Map<string, number>();
const add = (map: Map<string, number>, key: string, ms: number) =>
	map.set(key, (map.get(key) ?? 0) + ms);
let idle = 0;
let total = 0;
for (const [i, id] of profile.samples.entries()) {
	// The delta before the next sample is the time this one stands for.
	const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
	const leaf = byId.get(id)!;
	total += ms;
	if (leaf.callFrame.functionName === '(idle)') {
		idle += ms;
		continue;
	}
	add(self, frameName(leaf), ms);
	add(selfByPackage, packageOf(leaf), ms);
	const seen = new Set<string>();
	for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
		const name = frameName(byId.get(at)!);
		if (!seen.has(name) && appFrame.test(name)) add(inclusive, name, ms);
		seen.add(name);
	}
}

const busy = total - idle;
const print = (title: string, map: Map<string, number>) => {
	console.log(`--- ${title}`);
	for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
		console.log(
			`${((100 * ms) / busy).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(7)} ms  ${name}`
		);
};
console.log(`${file}: ${total.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy`);
print('self time', self);
print('self time by package or file', selfByPackage);
print(`inclusive time of frames matching ${appFrame.source}`, inclusive);
