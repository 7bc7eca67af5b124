// `npm run dev`: set-up, then Vite's dev server in this very process (with Socket.IO, see
// vite.config.ts), so Ctrl+C and SIGTERM reach it and the embedded database stops with it.
// package.json runs it with `exec`, so npm's shell does not stand between npm and this process.
import { createServer } from 'vite';
import { stopWithNpm } from './parent-watch.js';
import { setup } from './setup.js';

try {
	await setup();
} catch (err) {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
}
const server = await createServer();
await server.listen();
server.printUrls();
console.log('Beenden mit Strg+C.');
stopWithNpm();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		if (stopping) return;
		stopping = true;
		await server.close();
		// The app's own shutdown listeners (see hooks.server.ts) close the database cleanly.
		await Promise.all(process.listeners('sveltekit:shutdown').map((listener) => listener(signal)));
		process.exit(0);
	});
}
