// Server-side rendering throughput of the production server with autocannon: the login page
// (no session) and the start page of a signed-in member (session check + cohort overview).
import autocannon from 'autocannon';
import { benchMembers, startBenchApp, type BenchApp } from '../support';

interface Target {
	name: string;
	path: string;
	cookie?: string;
}

async function measure(app: BenchApp, target: Target, connections: number) {
	const options = {
		url: `${app.url}${target.path}`,
		connections,
		duration: 8,
		headers: target.cookie ? { cookie: target.cookie } : {}
	};
	await autocannon({ ...options, duration: 2 }); // warm-up
	const result = await autocannon(options);
	console.log(
		`BENCH ssr page=${target.name} c=${connections} req/s=${result.requests.average.toFixed(0)} p50=${result.latency.p50} p99=${result.latency.p99} non2xx=${result.non2xx} errors=${result.errors}`
	);
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
		for (const target of targets) for (const c of [10, 50]) await measure(app, target, c);
	} finally {
		await app.stop();
	}
}
