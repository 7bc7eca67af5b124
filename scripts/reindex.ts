// npm run reindex: every running instance rebuilds its search index from the database (the
// index lives in each server's memory and is also built at every start). The build runs here
// once as well, so its progress, time and size can be seen.
import { connectDatabase, disconnectDatabase } from '../src/lib/server/db/connection';
import { bumpGeneration, rebuild, stopSearchIndex } from '../src/lib/server/search/sync';

await connectDatabase();
try {
	await bumpGeneration();
	const heapBefore = process.memoryUsage().heapUsed;
	await rebuild((line) => console.log(line));
	const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
	console.log(
		`Speicherbedarf des Index: etwa ${heapMB.toFixed(0)} MB; laufende Server bauen ihren Index neu auf.`
	);
} finally {
	await stopSearchIndex();
	await disconnectDatabase();
}
