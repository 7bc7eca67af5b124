import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { attachSocketServer } from './server/socket-server.js';

/** In `vite dev`, Socket.IO runs on Vite's own HTTP server; production uses server/index.js. */
function socketServer(): Plugin {
	return {
		name: 'netzwerk-socket-server',
		configureServer(server) {
			if (!server.httpServer) return;
			attachSocketServer(server.httpServer as import('node:http').Server);
			// Run the app's init hook now (database, demo data, socket handlers), not on the
			// first page request, so sockets can connect right away. It is idempotent.
			server
				.ssrLoadModule('/src/hooks.server.ts')
				.then((hooks) => hooks.init())
				.catch((err) => console.error('App start failed', err));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), socketServer()],
	// Rolldown's plugin timing report is build tooling's business, not a warning about the app.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.spec.ts', 'tests/integration/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['tests/support/global-setup.ts'],
		// Fault tests restart apps and databases; a busy two-core machine needs the headroom.
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// The embedded database and the built app are shared; two workers fit two cores.
		maxWorkers: 2
	}
});
