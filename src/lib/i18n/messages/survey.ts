/** The needs survey ("Bedarfserhebung") of a workshop: building, answering, results, exports. */
const de = {
	title: 'Bedarfserhebung',
	link: 'Zur Bedarfserhebung',
	back: 'Zurück zum Workshop',
	none: 'Für diesen Workshop gibt es noch keine Bedarfserhebung.',
	states: { draft: 'Entwurf', open: 'Offen für Antworten', closed: 'Geschlossen' },
	kinds: {
		single: 'Einfachauswahl',
		multiple: 'Mehrfachauswahl',
		scale: 'Skala 1 bis 5',
		yesno: 'Ja/Nein',
		number: 'Zahl',
		short: 'Kurzer Text',
		long: 'Langer Text',
		municipality: 'Kommune'
	},
	yes: 'Ja',
	no: 'Nein',
	scaleLow: '1 = gar nicht',
	scaleHigh: '5 = sehr',
	required: 'Pflichtfrage',
	range: (min: string, max: string) => `Erlaubt: ${min} bis ${max}`,
	rangeFrom: (min: string) => `Mindestens ${min}`,
	rangeTo: (max: string) => `Höchstens ${max}`,
	noMunicipality: '– keine Angabe –',
	modes: {
		person: 'Eine Antwort pro Person',
		municipality: 'Eine gemeinsame Antwort pro Kommune (Tandem aus Alumna/Alumnus und Vorgesetzten)'
	},
	anonymous: 'Anonym (Auswertung und Export ohne Namen und Kommunen)',
	anonymousNotice:
		'Diese Umfrage ist anonym: Organisator:innen sehen keine Namen und keine Kommunen.',
	sharedNotice: (municipality: string) =>
		`Sie antworten gemeinsam für ${municipality}: Ihr Tandem sieht und bearbeitet dieselben Antworten.`,
	editableUntilClosed: 'Sie können Ihre Antworten ändern, bis die Umfrage geschlossen wird.',
	closedNotice: 'Die Umfrage ist geschlossen. Ihre Antworten:',
	notOpenNotice: 'Die Umfrage ist noch nicht geöffnet.',
	lastSaved: (when: string, who: string) => `Zuletzt gespeichert am ${when} von ${who}.`,
	save: 'Antworten speichern',
	saved: 'Ihre Antworten sind gespeichert.',
	manage: {
		title: 'Umfrage bearbeiten',
		settings: 'Einstellungen',
		intro: 'Einleitung',
		mode: 'Wer antwortet',
		saveSettings: 'Einstellungen speichern',
		questions: 'Fragen',
		noQuestions: 'Noch keine Fragen.',
		addQuestion: 'Frage hinzufügen',
		kind: 'Fragetyp',
		prompt: 'Frage',
		requiredLabel: 'Pflichtfrage',
		choices: 'Antwortmöglichkeiten (eine pro Zeile)',
		choicesHint: 'Nur für Einfach- und Mehrfachauswahl.',
		min: 'Mindestwert',
		max: 'Höchstwert',
		rangeHint: 'Nur für Zahlen; leer lassen für keine Grenze.',
		remove: 'Entfernen',
		draftOnly:
			'Fragen und Einstellungen lassen sich nur ändern, solange die Umfrage ein Entwurf ist.',
		open: 'Umfrage öffnen',
		reopen: 'Wieder öffnen',
		close: 'Umfrage schließen',
		results: 'Auswertung',
		responses: (n: number) => (n === 1 ? '1 Antwort' : `${n} Antworten`)
	},
	results: {
		title: 'Auswertung',
		answered: (n: number) => (n === 1 ? '1 Antwort' : `${n} Antworten`),
		choice: 'Antwort',
		count: 'Anzahl',
		chartDesc: (question: string, parts: string) => `Balkendiagramm zu „${question}“: ${parts}.`,
		texts: 'Antworten im Wortlaut',
		noTexts: 'Keine Antworten.',
		mean: (value: string) => `Mittelwert: ${value}`,
		numberSummary: (n: number, min: string, max: string, mean: string) =>
			`${n} Angaben, kleinste ${min}, größte ${max}, Mittelwert ${mean}`,
		hiddenAnonymous: 'In einer anonymen Umfrage nicht ausgewertet.',
		exportCsv: 'Export als CSV',
		exportXlsx: 'Export als Excel (XLSX)'
	},
	export: {
		person: 'Person',
		municipality: 'Kommune',
		updatedAt: 'Zuletzt geändert',
		number: 'Nr.',
		sheet: 'Antworten'
	},
	errors: {
		notDraft: 'Die Umfrage ist bereits geöffnet worden; Fragen und Einstellungen bleiben so.',
		noQuestions: 'Bitte zuerst mindestens eine Frage hinzufügen.',
		tooManyQuestions: 'Eine Umfrage hat höchstens 50 Fragen.',
		workshopOver: 'Der Workshop ist vorbei; die Umfrage lässt sich nicht mehr öffnen.',
		notOpen: 'Die Umfrage nimmt gerade keine Antworten an.',
		noMunicipality:
			'Hier antwortet jede Kommune gemeinsam, aber Ihrem Profil ist keine Kommune zugeordnet. Bitte tragen Sie Ihre Kommune in den Einstellungen ein.',
		unknownMunicipality: 'Diese Kommune gibt es nicht. Bitte eine aus der Liste wählen.'
	}
};

export type SurveyMessages = typeof de;

const en: SurveyMessages = {
	title: 'Needs survey',
	link: 'Go to the needs survey',
	back: 'Back to the workshop',
	none: 'There is no needs survey for this workshop yet.',
	states: { draft: 'Draft', open: 'Open for answers', closed: 'Closed' },
	kinds: {
		single: 'Single choice',
		multiple: 'Multiple choice',
		scale: 'Scale 1 to 5',
		yesno: 'Yes/no',
		number: 'Number',
		short: 'Short text',
		long: 'Long text',
		municipality: 'Municipality'
	},
	yes: 'Yes',
	no: 'No',
	scaleLow: '1 = not at all',
	scaleHigh: '5 = very much',
	required: 'Required',
	range: (min: string, max: string) => `Allowed: ${min} to ${max}`,
	rangeFrom: (min: string) => `At least ${min}`,
	rangeTo: (max: string) => `At most ${max}`,
	noMunicipality: '– not stated –',
	modes: {
		person: 'One answer per person',
		municipality: 'One shared answer per municipality (the tandem of alumna/alumnus and supervisor)'
	},
	anonymous: 'Anonymous (results and export without names and municipalities)',
	anonymousNotice: 'This survey is anonymous: organisers see no names and no municipalities.',
	sharedNotice: (municipality: string) =>
		`You answer together for ${municipality}: your tandem sees and edits the same answers.`,
	editableUntilClosed: 'You can change your answers until the survey is closed.',
	closedNotice: 'The survey is closed. Your answers:',
	notOpenNotice: 'The survey is not open yet.',
	lastSaved: (when: string, who: string) => `Last saved on ${when} by ${who}.`,
	save: 'Save answers',
	saved: 'Your answers have been saved.',
	manage: {
		title: 'Edit survey',
		settings: 'Settings',
		intro: 'Introduction',
		mode: 'Who answers',
		saveSettings: 'Save settings',
		questions: 'Questions',
		noQuestions: 'No questions yet.',
		addQuestion: 'Add question',
		kind: 'Question type',
		prompt: 'Question',
		requiredLabel: 'Required',
		choices: 'Answer options (one per line)',
		choicesHint: 'Only for single and multiple choice.',
		min: 'Minimum',
		max: 'Maximum',
		rangeHint: 'Only for numbers; leave empty for no limit.',
		remove: 'Remove',
		draftOnly: 'Questions and settings can only be changed while the survey is a draft.',
		open: 'Open survey',
		reopen: 'Reopen',
		close: 'Close survey',
		results: 'Results',
		responses: (n: number) => (n === 1 ? '1 answer' : `${n} answers`)
	},
	results: {
		title: 'Results',
		answered: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
		choice: 'Answer',
		count: 'Count',
		chartDesc: (question: string, parts: string) => `Bar chart for “${question}”: ${parts}.`,
		texts: 'Answers verbatim',
		noTexts: 'No answers.',
		mean: (value: string) => `Mean: ${value}`,
		numberSummary: (n: number, min: string, max: string, mean: string) =>
			`${n} answers, smallest ${min}, largest ${max}, mean ${mean}`,
		hiddenAnonymous: 'Not evaluated in an anonymous survey.',
		exportCsv: 'Export as CSV',
		exportXlsx: 'Export as Excel (XLSX)'
	},
	export: {
		person: 'Person',
		municipality: 'Municipality',
		updatedAt: 'Last changed',
		number: 'No.',
		sheet: 'Answers'
	},
	errors: {
		notDraft: 'The survey has already been opened; its questions and settings stay as they are.',
		noQuestions: 'Please add at least one question first.',
		tooManyQuestions: 'A survey has at most 50 questions.',
		workshopOver: 'The workshop is over; the survey can no longer be opened.',
		notOpen: 'The survey is not taking answers at the moment.',
		noMunicipality:
			'Here each municipality answers together, but your profile has no municipality. Please add your municipality in the settings.',
		unknownMunicipality: 'This municipality does not exist. Please choose one from the list.'
	}
};

export default { de, en };
