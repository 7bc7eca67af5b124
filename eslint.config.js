import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Routes and browser code never talk to the database directly, not even for its types. */
const databaseImports = {
	group: [
		'mongoose',
		'mongoose/*',
		'$lib/server/db',
		'$lib/server/db/*',
		'**/lib/server/db',
		'**/lib/server/db/*'
	],
	message: 'Reach the database through a service in $lib/server/<domain>; routes only wire.'
};
/** Browser code may name server types, but must not load server modules. */
const serverImports = {
	group: ['$lib/server', '$lib/server/*', '**/lib/server', '**/lib/server/*'],
	allowTypeImports: true,
	message: 'Code that runs in the browser must not load server modules (use `import type`).'
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with types.
			'no-undef': 'off',
			// The app is served at the root, without a base path: plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// Boundaries (CONVENTIONS.md): routes only wire and reach the database through services;
	// code that runs in the browser loads nothing from the server (types only).
	{
		files: ['src/routes/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [databaseImports] }] }
	},
	{
		files: ['src/**/*.svelte', 'src/**/*.ts'],
		ignores: [
			'src/lib/server/**',
			'src/**/*.server.ts',
			'src/routes/**/+server.ts',
			'src/**/*.spec.ts',
			'src/app.d.ts'
		],
		rules: {
			'no-restricted-imports': ['error', { patterns: [databaseImports] }],
			'@typescript-eslint/no-restricted-imports': ['error', { patterns: [serverImports] }]
		}
	},
	{ ignores: ['build/', '.svelte-kit/', '.cache/', 'data/', 'test-results/', 'playwright-report/'] }
);
