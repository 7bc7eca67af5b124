const de = {
	notes: {
		title: 'Notizen',
		none: 'Noch keine Notizen.',
		edit: 'Notizen zu diesem Punkt',
		save: 'Notizen speichern',
		saved: 'Notizen gespeichert.',
		updatedLive: (item: string, name: string) => `Notizen zu „${item}“ aktualisiert von ${name}.`,
		editedBy: (name: string, when: string) => `Zuletzt geändert von ${name}, ${when}`,
		history: 'Frühere Fassungen',
		historyTitle: (item: string) => `Frühere Fassungen der Notizen zu „${item}“`,
		version: (n: number) => `Fassung ${n}`,
		stale:
			'Die Notizen wurden inzwischen geändert. Ihr Text wurde nicht gespeichert: Führen Sie beide Fassungen zusammen und speichern Sie erneut.',
		theirs: 'Die inzwischen gespeicherte Fassung',
		yours: 'Ihre Fassung (nicht gespeichert)',
		readOnly: 'Die Notizen sind abgeschlossen.',
		noteTaker: 'Protokoll',
		noteTakers: 'Protokollführung',
		makeNoteTaker: 'Protokoll führen lassen',
		removeNoteTaker: 'Protokollführung entziehen',
		reopen: 'Notizen und Ergebnisse wieder öffnen',
		close: 'Notizen und Ergebnisse abschließen',
		reopened: 'Notizen und Ergebnisse sind wieder geöffnet.'
	},
	live: {
		title: 'Jetzt',
		current: 'Aktueller Programmpunkt',
		elapsed: (minutes: number) => `seit ${minutes} Min.`,
		remaining: (minutes: number) => `noch ${minutes} Min.`,
		over: (minutes: number) => `${minutes} Min. überzogen`,
		previous: 'Vorheriger Punkt',
		next: 'Nächster Punkt',
		video: 'Zur Videokonferenz',
		nowRunning: (item: string) => `Jetzt: ${item}`,
		attendance: 'Anwesenheit',
		checkIn: 'Ich bin da',
		checkedIn: 'Sie sind als anwesend eingetragen.',
		present: 'anwesend',
		absent: 'nicht da',
		unmarked: 'offen',
		markPresent: 'Als anwesend eintragen',
		markAbsent: 'Als abwesend eintragen'
	},
	outcomes: {
		title: 'Ergebnisse',
		kinds: { decision: 'Beschluss', information: 'Information', 'follow-up': 'Aufgabe' },
		kind: 'Art',
		text: 'Ergebnis',
		owner: 'Zuständig',
		dueOn: 'Fällig am',
		add: 'Ergebnis festhalten',
		remove: 'Entfernen',
		noOwner: '– bitte wählen –'
	},
	mail: {
		overdueSubject: (workshop: string) => `Aufgabe überfällig: ${workshop}`,
		overdueText: (name: string, workshop: string, task: string) =>
			`Hallo ${name},\n\ndie Aufgabe aus „${workshop}“ ist überfällig:\n\n${task}`,
		openWorkshop: 'Zum Workshop'
	},
	errors: {
		followUpIncomplete: 'Eine Aufgabe braucht eine zuständige Person und ein Fälligkeitsdatum.',
		ownerNotOnRoster: 'Die zuständige Person muss am Workshop teilnehmen.',
		notesClosed: 'Die Notizen können Sie jetzt nicht bearbeiten.',
		notLive: 'Das geht nur, während der Workshop läuft.',
		noAgenda: 'Der Workshop hat kein Programm.'
	}
};

const en: typeof de = {
	notes: {
		title: 'Notes',
		none: 'No notes yet.',
		edit: 'Notes on this item',
		save: 'Save notes',
		saved: 'Notes saved.',
		updatedLive: (item: string, name: string) => `Notes on “${item}” updated by ${name}.`,
		editedBy: (name: string, when: string) => `Last changed by ${name}, ${when}`,
		history: 'Earlier versions',
		historyTitle: (item: string) => `Earlier versions of the notes on “${item}”`,
		version: (n: number) => `Version ${n}`,
		stale:
			'The notes have been changed in the meantime. Your text was not saved: merge both versions and save again.',
		theirs: 'The version saved in the meantime',
		yours: 'Your version (not saved)',
		readOnly: 'The notes are closed.',
		noteTaker: 'Notes',
		noteTakers: 'Note-taking',
		makeNoteTaker: 'Make note-taker',
		removeNoteTaker: 'Remove as note-taker',
		reopen: 'Reopen notes and outcomes',
		close: 'Close notes and outcomes',
		reopened: 'Notes and outcomes are open again.'
	},
	live: {
		title: 'Now',
		current: 'Current agenda item',
		elapsed: (minutes: number) => `for ${minutes} min`,
		remaining: (minutes: number) => `${minutes} min left`,
		over: (minutes: number) => `${minutes} min over time`,
		previous: 'Previous item',
		next: 'Next item',
		video: 'Join the video conference',
		nowRunning: (item: string) => `Now: ${item}`,
		attendance: 'Attendance',
		checkIn: "I'm here",
		checkedIn: 'You are marked as present.',
		present: 'present',
		absent: 'absent',
		unmarked: 'not marked',
		markPresent: 'Mark present',
		markAbsent: 'Mark absent'
	},
	outcomes: {
		title: 'Outcomes',
		kinds: { decision: 'Decision', information: 'Information', 'follow-up': 'Follow-up' },
		kind: 'Type',
		text: 'Outcome',
		owner: 'Owner',
		dueOn: 'Due on',
		add: 'Record outcome',
		remove: 'Remove',
		noOwner: '– please choose –'
	},
	mail: {
		overdueSubject: (workshop: string) => `Follow-up overdue: ${workshop}`,
		overdueText: (name: string, workshop: string, task: string) =>
			`Hello ${name},\n\nthe follow-up from ${workshop} is overdue:\n\n${task}`,
		openWorkshop: 'Open the workshop'
	},
	errors: {
		followUpIncomplete: 'A follow-up needs an owner and a due date.',
		ownerNotOnRoster: 'The owner must be on the workshop roster.',
		notesClosed: 'You cannot edit the notes now.',
		notLive: 'This is only possible while the workshop is live.',
		noAgenda: 'The workshop has no agenda.'
	}
};

export default { de, en };
