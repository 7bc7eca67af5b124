import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/lib/server/db/embedded';

declare module 'vitest' {
	export interface ProvidedContext {
		mongoBaseUri: string;
		/** This run's temporary folder, removed at the end (see temp.ts). */
		tempRoot: string;
	}
}

/**
 * One database server for the whole run: the embedded server on a fresh folder and port, or the
 * MongoDB named by MONGODB_URI. Each test file works in a database of its own (see db.ts).
 */
export default async function setup(project: TestProject) {
	const tempRoot = mkdtempSync(path.join(tmpdir(), 'netzwerk-test-'));
	project.provide('tempRoot', tempRoot);
	let embedded: EmbeddedDatabase | undefined;
	let base = process.env.MONGODB_URI;
	if (!base) {
		embedded = await startEmbeddedDatabase({ dataDir: path.join(tempRoot, 'db') });
		base = `mongodb://127.0.0.1:${embedded.port}`;
	}
	const url = new URL(base);
	url.pathname = '/';
	project.provide('mongoBaseUri', url.toString());
	return async () => {
		await embedded?.stop();
		rmSync(tempRoot, { recursive: true, force: true });
	};
}
