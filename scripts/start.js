// `npm start`: set-up, a production build when the sources changed, then this very process
// becomes the server (server/index.js), so Ctrl+C and SIGTERM reach it and nothing is left behind.
// package.json runs it with `exec`, so npm's shell does not stand between npm and this process.
import { buildIfChanged } from './build.js';
import { stopWithNpm } from './parent-watch.js';
import { setup } from './setup.js';

try {
	await setup();
	await buildIfChanged();
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
}
await import('../server/index.js');

stopWithNpm();
