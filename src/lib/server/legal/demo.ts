import { legalPages } from '$lib/legal';
import { LegalPage } from '../db/models';
import { legalTemplates } from './templates';

/** The demo operator's details, filled into the templates' square brackets. */
const demoDetails: Record<string, string> = {
	'[Name der Behörde oder Einrichtung]': 'Transferstelle Smart-City-Manager:innen (Demo)',
	'[Straße und Hausnummer]': 'Musterstraße 1',
	'[Postleitzahl und Ort]': '14467 Potsdam',
	'[Name und Funktion der vertretungsberechtigten Person]': 'Dr. Maria Beispiel, Leiterin',
	'[Telefonnummer]': '0331 000000',
	'[E-Mail-Adresse]': 'kontakt@netzwerk.example',
	'[Name und Anschrift]': 'Dr. Maria Beispiel, Musterstraße 1, 14467 Potsdam',
	'[Name der Behörde oder Einrichtung, Anschrift, E-Mail-Adresse]':
		'Transferstelle Smart-City-Manager:innen (Demo), Musterstraße 1, 14467 Potsdam, kontakt@netzwerk.example',
	'[Name oder Funktion, Anschrift, E-Mail-Adresse]':
		'Behördliche Datenschutzbeauftragte, Musterstraße 1, 14467 Potsdam, datenschutz@netzwerk.example',
	'[Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit der landesrechtlichen Vorschrift, z. B. § 5 Brandenburgisches Datenschutzgesetz]':
		'Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 5 Brandenburgisches Datenschutzgesetz',
	'[Betreiber]': 'der Transferstelle',
	'[für Brandenburg: Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg]':
		'Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg',
	'[den landesrechtlichen Vorschriften zur Umsetzung der Richtlinie (EU) 2016/2102]':
		'dem Brandenburgischen Behindertengleichstellungsgesetz und der Richtlinie (EU) 2016/2102',
	'[vollständig / teilweise]': 'teilweise',
	'[Inhalte, die nicht barrierefrei sind, und warum; zum Beispiel von Mitgliedern hochgeladene Dokumente]':
		'Von Mitgliedern hochgeladene Dokumente (zum Beispiel Präsentationen aus den Workshops) sind nicht immer barrierefrei, weil wir sie nicht vor der Veröffentlichung prüfen können.',
	'[Datum]': '1. Oktober 2026',
	'[eine Selbstbewertung / ein Test durch ...]':
		'eine Selbstbewertung mit automatischen Prüfungen (axe) und Tests mit Tastatur und Screenreader',
	'[Name der Stelle, Anschrift, Link]':
		'[Schlichtungsstelle nach dem Behindertengleichstellungsgesetz](https://www.schlichtungsstelle-bgg.de) (Beispiel; Landesbehörden nennen ihre Landesstelle)'
};

const fill = (template: string) =>
	Object.entries(demoDetails).reduce(
		(text, [slot, value]) => text.replaceAll(slot, value),
		template
	);

/** Demo legal pages with the operator's details filled in; kept when an admin already edited them. */
export async function seedLegalPages(): Promise<void> {
	for (const key of legalPages) {
		await LegalPage.updateOne(
			{ key },
			{
				$setOnInsert: {
					key,
					markdown: fill(legalTemplates[key]),
					feedbackEmail: key === 'barrierefreiheit' ? 'barrierefreiheit@netzwerk.example' : ''
				}
			},
			{ upsert: true }
		);
	}
}
