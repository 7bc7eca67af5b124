import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import audit from '$lib/i18n/messages/audit';

/** Every source file of the services (specs left out). */
function serviceSources(dir = 'src/lib/server'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return serviceSources(file);
		return file.endsWith('.ts') && !file.endsWith('.spec.ts') ? [file] : [];
	});
}

/**
 * The action names the services record: written out as 'domain.what' strings next to `action`
 * or in the audit helpers; names built from a variable are listed where they are built.
 */
function recordedActions(): Set<string> {
	const actions = new Set<string>();
	for (const file of serviceSources()) {
		const source = readFileSync(file, 'utf8');
		if (!source.includes('record(')) continue;
		for (const [, name] of source.matchAll(
			/'((?:member|invitation|cohort|municipality|forum|workshop|need|legal)\.[a-z.-]+)'/g
		))
			actions.add(name!);
	}
	const built = {
		member: ['roles', 'cohorts', 'deactivate', 'reactivate'],
		invitation: ['create', 'revoke', 'resend'],
		cohort: ['create', 'update', 'member-add', 'member-remove'],
		municipality: ['create', 'update'],
		'forum.thread': ['pin', 'unpin', 'lock', 'unlock'],
		'forum.report': ['resolve', 'dismiss'],
		'forum.post': ['hide', 'unhide'],
		'forum.category': ['create', 'update'],
		'workshop.survey': ['settings', 'question.add', 'question.remove', 'open', 'close']
	};
	for (const [prefix, names] of Object.entries(built))
		for (const name of names) actions.add(`${prefix}.${name}`);
	return actions;
}

describe('the audit log', () => {
	it('names every recorded action in German and English', () => {
		const actions = [...recordedActions()];
		expect(actions.length).toBeGreaterThan(40);
		const unnamed = (language: 'de' | 'en') =>
			actions.filter((action) => !(action in audit[language].actions));
		expect(unnamed('de')).toEqual([]);
		expect(unnamed('en')).toEqual([]);
	});

	it('names every kind of target in German and English', () => {
		const targets = new Set(
			serviceSources().flatMap((file) =>
				[...readFileSync(file, 'utf8').matchAll(/targetType: '([a-z-]+)'/g)].map((m) => m[1]!)
			)
		);
		expect(targets.size).toBeGreaterThan(5);
		for (const language of ['de', 'en'] as const)
			expect([...targets].filter((target) => !(target in audit[language].targets))).toEqual([]);
	});
});
