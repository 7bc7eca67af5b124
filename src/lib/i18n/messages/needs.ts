/** Need cards ("Bedarfe"), the dot vote and the needs register across workshops. */
const de = {
	nav: 'Bedarfe',
	title: 'Bedarfe',
	titleOf: (workshop: string) => `Bedarfe: ${workshop}`,
	none: 'Noch keine Bedarfe.',
	open: 'Bedarfe und Punktabfrage',
	create: 'Bedarf anlegen',
	createTitle: 'Neuer Bedarf',
	takeOver: 'Als Bedarf übernehmen',
	save: 'Speichern',
	saved: 'Gespeichert.',
	edit: 'Bedarf bearbeiten',
	back: 'Zurück zu den Bedarfen',
	severalMunicipalities: 'mehrere',
	fields: {
		workshop: 'Workshop',
		title: 'Titel',
		description: 'Beschreibung (Markdown)',
		municipality: 'Kommune',
		topic: 'Handlungsfeld',
		status: 'Status',
		createdAt: 'Angelegt am',
		sources: 'Herkunft'
	},
	statuses: {
		new: 'neu',
		'in-progress': 'in Arbeit',
		done: 'erledigt',
		discarded: 'verworfen'
	},
	sources: {
		manual: 'von Hand angelegt',
		survey: 'Antwort aus der Bedarfserhebung',
		note: 'aus den Notizen eines Programmpunkts'
	},
	changeStatus: 'Status ändern',
	statusOf: (title: string) => `Status von „${title}“`,
	merge: {
		title: 'Doppelte zusammenführen',
		other: 'Doppelten Bedarf hierher übernehmen',
		submit: 'Zusammenführen',
		hint: 'Beschreibung und Herkunft beider Bedarfe bleiben hier erhalten; der andere wird als zusammengeführt markiert.',
		closed: 'Seit die Punktabfrage geöffnet wurde, lassen sich Bedarfe nicht mehr zusammenführen.',
		mergedInto: 'Dieser Bedarf wurde zusammengeführt in:'
	},
	vote: {
		title: 'Punktabfrage',
		notOpened: 'Die Punktabfrage ist noch nicht geöffnet.',
		openNow: 'Punktabfrage öffnen',
		reopen: 'Punktabfrage wieder öffnen',
		close: 'Punktabfrage schließen',
		dotsPerVoter: 'Punkte pro Person',
		maxPerCard: 'Höchstens pro Bedarf',
		isOpen: (dots: number, max: number) =>
			`Die Punktabfrage läuft: ${dots} Punkte pro Person, höchstens ${max} pro Bedarf. Ergebnisse gibt es erst nach dem Schließen.`,
		isClosed: 'Die Punktabfrage ist geschlossen.',
		progress: (voted: number, voters: number) => `${voted} von ${voters} haben abgestimmt`,
		dotsLeft: (n: number) => (n === 1 ? 'Sie haben noch 1 Punkt.' : `Sie haben noch ${n} Punkte.`),
		mine: (n: number) => (n === 1 ? '1 Punkt von Ihnen' : `${n} Punkte von Ihnen`),
		add: (title: string) => `Einen Punkt auf „${title}“ geben`,
		remove: (title: string) => `Einen Punkt von „${title}“ zurücknehmen`,
		ranking: 'Rangfolge',
		rankingCaption: 'Rangfolge der Bedarfe nach Punkten, aufgeteilt nach Alumni und Betreuenden',
		rank: 'Platz',
		tied: 'gleichauf',
		total: 'Punkte gesamt',
		alumni: 'Alumni',
		supervisors: 'Betreuende'
	},
	register: {
		title: 'Bedarfsregister',
		intro: 'Alle Bedarfe aus den Workshops, die Sie sehen können.',
		filter: 'Filtern',
		all: 'alle',
		reset: 'Filter zurücksetzen',
		count: (n: number) => (n === 1 ? '1 Bedarf' : `${n} Bedarfe`),
		page: (page: number, pages: number) => `Seite ${page} von ${pages}`,
		previous: 'Vorherige Seite',
		next: 'Nächste Seite',
		exportCsv: 'Als CSV exportieren',
		exportXlsx: 'Als Excel-Datei exportieren',
		pages: 'Seiten'
	},
	errors: {
		unknownMunicipality:
			'Diese Kommune gibt es nicht. Bitte eine aus der Liste oder „mehrere“ wählen.',
		sourceMissing:
			'Die Antwort oder der Programmpunkt, aus dem der Bedarf stammen soll, ist nicht (mehr) da.',
		mergeSelf: 'Ein Bedarf lässt sich nicht mit sich selbst zusammenführen.',
		mergeAfterVote:
			'Seit die Punktabfrage geöffnet wurde, lassen sich Bedarfe nicht mehr zusammenführen.',
		voteAlreadyOpen: 'Die Punktabfrage ist bereits geöffnet.',
		voteNotOpen: 'Die Punktabfrage ist nicht geöffnet.',
		maxAboveDots: 'Pro Bedarf kann es nicht mehr Punkte geben als pro Person.',
		noDotsLeft: 'Sie haben alle Ihre Punkte vergeben.',
		cardFull: 'Mehr Punkte können Sie diesem Bedarf nicht geben.'
	}
};

const en: typeof de = {
	nav: 'Needs',
	title: 'Needs',
	titleOf: (workshop: string) => `Needs: ${workshop}`,
	none: 'No needs yet.',
	open: 'Needs and dot vote',
	create: 'Add a need',
	createTitle: 'New need',
	takeOver: 'Take over as a need',
	save: 'Save',
	saved: 'Saved.',
	edit: 'Edit need',
	back: 'Back to the needs',
	severalMunicipalities: 'several',
	fields: {
		workshop: 'Workshop',
		title: 'Title',
		description: 'Description (Markdown)',
		municipality: 'Municipality',
		topic: 'Field of action',
		status: 'Status',
		createdAt: 'Created on',
		sources: 'Source'
	},
	statuses: {
		new: 'new',
		'in-progress': 'in progress',
		done: 'done',
		discarded: 'discarded'
	},
	sources: {
		manual: 'written by hand',
		survey: 'answer from the needs survey',
		note: 'from the notes of an agenda item'
	},
	changeStatus: 'Change status',
	statusOf: (title: string) => `Status of “${title}”`,
	merge: {
		title: 'Merge duplicates',
		other: 'Take a duplicate need over into this one',
		submit: 'Merge',
		hint: 'Descriptions and sources of both needs stay here; the other one is marked as merged.',
		closed: 'Since the dot vote was opened, needs can no longer be merged.',
		mergedInto: 'This need was merged into:'
	},
	vote: {
		title: 'Dot vote',
		notOpened: 'The dot vote has not been opened yet.',
		openNow: 'Open the dot vote',
		reopen: 'Reopen the dot vote',
		close: 'Close the dot vote',
		dotsPerVoter: 'Dots per person',
		maxPerCard: 'At most per need',
		isOpen: (dots: number, max: number) =>
			`The dot vote is open: ${dots} dots per person, at most ${max} per need. Results show once it is closed.`,
		isClosed: 'The dot vote is closed.',
		progress: (voted: number, voters: number) => `${voted} of ${voters} have voted`,
		dotsLeft: (n: number) => (n === 1 ? 'You have 1 dot left.' : `You have ${n} dots left.`),
		mine: (n: number) => (n === 1 ? '1 dot from you' : `${n} dots from you`),
		add: (title: string) => `Give a dot to “${title}”`,
		remove: (title: string) => `Take a dot back from “${title}”`,
		ranking: 'Ranking',
		rankingCaption: 'Ranking of the needs by dots, split into alumni and supervisors',
		rank: 'Rank',
		tied: 'tied',
		total: 'Dots in total',
		alumni: 'Alumni',
		supervisors: 'Supervisors'
	},
	register: {
		title: 'Needs register',
		intro: 'Every need from the workshops you can see.',
		filter: 'Filter',
		all: 'all',
		reset: 'Reset filters',
		count: (n: number) => (n === 1 ? '1 need' : `${n} needs`),
		page: (page: number, pages: number) => `Page ${page} of ${pages}`,
		previous: 'Previous page',
		next: 'Next page',
		exportCsv: 'Export as CSV',
		exportXlsx: 'Export as Excel file',
		pages: 'Pages'
	},
	errors: {
		unknownMunicipality:
			'This municipality does not exist. Please choose one from the list or “several”.',
		sourceMissing: 'The answer or agenda item this need should come from is not there (any more).',
		mergeSelf: 'A need cannot be merged with itself.',
		mergeAfterVote: 'Since the dot vote was opened, needs can no longer be merged.',
		voteAlreadyOpen: 'The dot vote is already open.',
		voteNotOpen: 'The dot vote is not open.',
		maxAboveDots: 'A need cannot get more dots than a person has.',
		noDotsLeft: 'You have given all your dots.',
		cardFull: 'You cannot give this need more dots.'
	}
};

export default { de, en };
