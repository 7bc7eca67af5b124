import { describe, expect, it } from 'vitest';
import { foldText, slugify } from './text';

describe('foldText', () => {
	it('lowers plain ASCII and nothing else', () => {
		expect(foldText('Smart-City Strategie 2030')).toBe('smart-city strategie 2030');
	});

	it('folds umlauts and ß, and strips accents, also beside ASCII letters', () => {
		expect(foldText('Förderanträge für Bürger')).toBe('foerderantraege fuer buerger');
		expect(foldText('STRAßE')).toBe('strasse');
		expect(foldText('Café Région')).toBe('cafe region');
	});

	it('gives slugs of plain letters and digits', () => {
		expect(slugify('Übergänge & Zuständigkeiten 2026')).toBe('uebergaenge-zustaendigkeiten-2026');
	});
});
