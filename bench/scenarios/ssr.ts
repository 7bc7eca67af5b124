// Server-side rendering throughput of the production server with autocannon: the login page
// (no session) and the start page of a signed-in member (session check + cohort overview), each
// beside the same bytes from the bare server.
import { formatBesideBare, loadBesideBare } from '../load';
import { benchMembers, startBenchApp, type BenchApp } from '../support';

/** e.g. BENCH_SSR_PAGES=start: only these pages (default: all). */
const pages = process.env.BENCH_SSR_PAGES?.split(',');

interface Target {
	name: string;
	path: string;
	cookie?: string;
}

async function measure(app: BenchApp, target: Target, connections: number) {
	const r = await loadBesideBare(app, target.path, {
		connections,
		seconds: 8,
		warmUpSeconds: 2,
		cookie: target.cookie
	});
	console.log(`BENCH ssr page=${target.name} c=${connections} ${formatBesideBare(r)}`);
}

export async function run() {
	const app = await startBenchApp();
	try {
		const [member] = await benchMembers(1);
		const targets: Target[] = [
			{ name: 'login', path: '/login' },
			{ name: 'start', path: '/', cookie: member!.cookie },
			{ name: 'healthz', path: '/healthz' }
		];
		const wanted = targets.filter((t) => !pages || pages.includes(t.name));
		for (const target of wanted) for (const c of [10, 50]) await measure(app, target, c);
	} finally {
		await app.stop();
	}
}
