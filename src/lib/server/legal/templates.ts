import type { LegalPageKey } from '$lib/legal';

/**
 * What a legal page shows until the operator saves their own text: German templates with the
 * operator's details in square brackets. They follow the usual German structure (§ 5 DDG and
 * § 18 MStV for the Impressum, Art. 13 DSGVO for the privacy notice, the EU web accessibility
 * directive as transposed by the Länder for the accessibility statement).
 */
export const legalTemplates: Record<LegalPageKey, string> = {
	impressum: `# Impressum

## Anbieter

[Name der Behörde oder Einrichtung]
[Straße und Hausnummer]
[Postleitzahl und Ort]

Vertreten durch: [Name und Funktion der vertretungsberechtigten Person]

## Kontakt

Telefon: [Telefonnummer]
E-Mail: [E-Mail-Adresse]

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

[Name und Anschrift]

## Beiträge der Mitglieder

Beiträge im Forum, im Chat und in den Workshops geben die Meinung ihrer Verfasser:innen wieder. Die Moderation prüft gemeldete Beiträge und entfernt rechtswidrige Inhalte, sobald sie davon Kenntnis erhält.
`,
	datenschutz: `# Datenschutzerklärung

## Verantwortliche Stelle

[Name der Behörde oder Einrichtung, Anschrift, E-Mail-Adresse]

## Datenschutzbeauftragte:r

[Name oder Funktion, Anschrift, E-Mail-Adresse]

## Welche Daten wir verarbeiten und wozu

- **Konto:** Name, E-Mail-Adresse, Rollen, Durchgang und Kommune, um Ihnen den Zugang zum Netzwerk zu geben.
- **Profil:** Angaben, die Sie selbst machen (Funktion, Schwerpunkte, Kurzvorstellung, Bild), sichtbar für die Mitglieder des Netzwerks.
- **Beiträge und Nachrichten:** Forenbeiträge, Chatnachrichten, Workshop-Notizen und Antworten auf Bedarfserhebungen, um den Austausch zu ermöglichen.
- **Workshops:** Anmeldungen, Anwesenheit und Ergebnisse, um die Transfer-Workshops durchzuführen und zu dokumentieren.
- **Technisch notwendige Daten:** ein Sitzungs-Cookie für die Anmeldung und ein Cookie für die gewählte Sprache. Es gibt keine Analyse- oder Werbe-Cookies und keine Einbindung von Drittanbietern.

Rechtsgrundlage ist [Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit der landesrechtlichen Vorschrift, z. B. § 5 Brandenburgisches Datenschutzgesetz].

## Empfänger

Die Plattform wird von [Betreiber] selbst betrieben. Daten werden nicht an Dritte übermittelt, außer an den eigenen E-Mail-Dienst für Benachrichtigungen.

## Speicherdauer

Kontodaten speichern wir, solange Sie Mitglied des Netzwerks sind. Anmeldesitzungen enden spätestens nach 30 Tagen. Nach dem Löschen Ihres Kontos werden Ihre Beiträge als „Ehemaliges Mitglied“ angezeigt.

## Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dazu an die oben genannte Stelle.

## Beschwerderecht

Sie können sich bei der zuständigen Aufsichtsbehörde beschweren: [für Brandenburg: Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg].
`,
	barrierefreiheit: `# Erklärung zur Barrierefreiheit

[Name der Behörde oder Einrichtung] ist bemüht, diese Plattform im Einklang mit [den landesrechtlichen Vorschriften zur Umsetzung der Richtlinie (EU) 2016/2102] barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit mit den Anforderungen

Diese Plattform ist [vollständig / teilweise] mit den Anforderungen der BITV 2.0 und der EN 301 549 (WCAG 2.1, Stufe AA) vereinbar.

## Nicht barrierefreie Inhalte

[Inhalte, die nicht barrierefrei sind, und warum; zum Beispiel von Mitgliedern hochgeladene Dokumente]

## Erstellung dieser Erklärung

Diese Erklärung wurde am [Datum] erstellt. Grundlage ist [eine Selbstbewertung / ein Test durch ...].

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann schreiben Sie uns über das Formular auf dieser Seite oder an [E-Mail-Adresse].

## Durchsetzungsverfahren

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die zuständige Durchsetzungsstelle wenden: [Name der Stelle, Anschrift, Link].
`
};
