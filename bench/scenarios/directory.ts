// The member directory under load: the first page, a name-prefix search and a cohort filter,
// over a network of 500 members (more than the programme will have for years), 20 requests one at a time, then
// 10 connections for 5 s (autocannon).
import { Cohort } from '../../src/lib/server/db/models';
import { formatBesideBare, loadBesideBare } from '../load';
import { benchMembers, percentile, startBenchApp } from '../support';

// The embedded FerretDB (SQLite) sorts and filters in memory: a page costs about 1 s at 5,000
// members there, while MongoDB answers from the (sortName, _id) indexes.
const size = Number(process.env.BENCH_MEMBERS ?? 500);

export async function run() {
	const app = await startBenchApp();
	try {
		const cohort = await Cohort.findOne({ slug: 'durchgang-1-brandenburg' }).lean();
		const members = await benchMembers(size, cohort!._id.toString());
		const cookie = members[0]!.cookie;
		const pages = {
			first: '/members',
			search: '/members?q=bench%2042',
			cohort: `/members?cohort=${cohort!._id.toString()}`,
			profile: '/members/anna.schulze'
		};
		for (const [name, path] of Object.entries(pages)) {
			const url = app.url + path;
			// One request at a time: what a single member waits for.
			const single: number[] = [];
			for (let i = 0; i < 20; i++) {
				const t0 = performance.now();
				await (await fetch(url, { headers: { cookie } })).text();
				single.push(performance.now() - t0);
			}
			console.log(
				`BENCH directory page=${name} members=${size} sequential p50=${percentile(single, 50).toFixed(1)} p99=${percentile(single, 99).toFixed(1)}`
			);
			for (const connections of [10]) {
				const r = await loadBesideBare(app, path, { connections, seconds: 5, cookie });
				console.log(
					`BENCH directory page=${name} members=${size} conn=${connections} ${formatBesideBare(r)}`
				);
			}
		}
	} finally {
		await app.stop();
	}
}
