import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries of CONVENTIONS.md are lint rules (eslint.config.js), not only prose:
 * snippets linted as if they were files at these paths, with the project's configuration.
 */
const eslint = new ESLint({
	cwd: process.cwd(),
	// Without the type-aware program for components, which takes long to build and which import
	// rules do not need.
	overrideConfig: {
		files: ['**/*.svelte'],
		languageOptions: { parserOptions: { projectService: false } }
	}
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages
		.filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
		.map((m) => m.message);
}

const route = 'src/routes/(app)/example/+page.server.ts';
const browserModule = 'src/lib/example.ts';

describe('import boundaries', () => {
	it('a route that imports the database layer or mongoose fails lint', async () => {
		for (const code of [
			"import { Member } from '$lib/server/db/models';\nexport const load = () => Member;\n",
			"import * as db from '$lib/server/db';\nexport const load = () => db;\n",
			"import type { MemberDoc } from '$lib/server/db/models';\nexport type Loaded = MemberDoc;\n",
			"import mongoose from 'mongoose';\nexport const load = () => mongoose;\n"
		])
			expect(await restrictedImports(route, code)).toEqual([
				expect.stringContaining('Reach the database through a service')
			]);
	});

	it('a route that calls a service passes', async () => {
		const code = "import * as forum from '$lib/server/forum';\nexport const load = () => forum;\n";
		expect(await restrictedImports(route, code)).toEqual([]);
	});

	it('browser code may name server types but not load server modules', async () => {
		expect(
			await restrictedImports(
				browserModule,
				"import { can } from '$lib/server/auth';\nexport const allowed = can;\n"
			)
		).toEqual([expect.stringContaining('must not load server modules')]);
		expect(
			await restrictedImports(
				browserModule,
				"import type { Actor } from '$lib/server/auth';\nexport type Viewer = Actor;\n"
			)
		).toEqual([]);
	});

	it('a component that loads a server module fails lint', async () => {
		const component =
			'<script lang="ts">\n\timport { can } from \'$lib/server/auth\';\n\tconst allowed = can;\n</script>\n\n{String(allowed)}\n';
		expect(await restrictedImports('src/lib/components/SiteHeader.svelte', component)).toEqual([
			expect.stringContaining('must not load server modules')
		]);
	});
});
