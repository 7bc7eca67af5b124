const de = {
	confidential: {
		participant: 'Teilnehmer:in',
		workshopField: 'Vertraulich (Chatham House)',
		workshopHint:
			'Außerhalb der Live-Ansicht erscheinen Namen und Kommunen in Notizen, Ergebnissen, Exporten und der Zusammenfassung als „Teilnehmer:in“.',
		itemField: 'Vertraulich (Chatham House)',
		nameMunicipality: 'Kommune nennen',
		nameMunicipalityHint: 'Die Notizen dieses Punkts dürfen Kommunen nennen.',
		banner:
			'Vertraulich nach Chatham House: Was hier gesagt wird, darf verwendet werden, aber nicht mit Namen oder Kommune.',
		itemBanner: (items: string) => `Vertraulich nach Chatham House: ${items}`,
		mark: 'vertraulich',
		saveFlags: 'Übernehmen'
	},
	summary: {
		title: 'Zusammenfassung',
		publish: 'Zusammenfassung im Forum veröffentlichen',
		update: 'Zusammenfassung im Forum aktualisieren',
		category: 'Forenbereich',
		published: 'Die Zusammenfassung steht im Forum.',
		updated: 'Die Zusammenfassung im Forum ist aktualisiert (als neue Fassung).',
		openThread: 'Zusammenfassung im Forum',
		downloadMarkdown: 'Als Markdown herunterladen',
		downloadPdf: 'Als PDF herunterladen',
		noCategory: 'Sie dürfen in keinem Forenbereich schreiben.',
		republishHint:
			'Erneutes Veröffentlichen ändert den ersten Beitrag des Themas als neue Fassung; es wird niemand erneut benachrichtigt.',
		fromWorkshop: (name: string) => `Aus dem ${name}`,
		heading: (name: string) => `Zusammenfassung: ${name}`,
		when: 'Termin',
		agenda: 'Programm',
		needs: 'Wichtigste Bedarfe',
		dots: (n: number) => (n === 1 ? '1 Punkt' : `${n} Punkte`),
		tie: 'gleichauf',
		decisions: 'Beschlüsse',
		followUps: 'Aufgaben',
		due: (date: string) => `fällig am ${date}`,
		materials: 'Materialien',
		none: 'Keine.',
		notificationTitle: (name: string) => `Zusammenfassung veröffentlicht: ${name}`,
		notificationText: 'Die Ergebnisse des Workshops stehen im Forum.',
		confidentialNote:
			'Dieser Workshop war vertraulich (Chatham House): Namen und Kommunen sind durch „Teilnehmer:in“ ersetzt.'
	},
	followUp: {
		create: 'Folge-Workshop anlegen',
		hint: 'Legt einen Entwurf mit Titel, Zielgruppe, Programm, offenen Aufgaben und Bedarfen an.',
		openTasks: (name: string) => `Offene Aufgaben aus dem ${name}`,
		needs: (name: string) => `Bedarfe aus dem ${name}`,
		review: (name: string) => `Rückblick auf den ${name}`
	},
	errors: {
		notYet: 'Eine Zusammenfassung gibt es erst, wenn der Workshop läuft oder abgeschlossen ist.',
		categoryForbidden: 'In diesem Forenbereich dürfen Sie nicht schreiben.',
		threadGone:
			'Das Thema der Zusammenfassung ist gesperrt oder verborgen; bitte wenden Sie sich an die Moderation.'
	}
};

const en: typeof de = {
	confidential: {
		participant: 'Participant',
		workshopField: 'Confidential (Chatham House)',
		workshopHint:
			'Outside the live view, names and municipalities in notes, outcomes, exports and the summary show as “Participant”.',
		itemField: 'Confidential (Chatham House)',
		nameMunicipality: 'Name the municipality',
		nameMunicipalityHint: 'The notes of this item may name municipalities.',
		banner:
			'Confidential under the Chatham House rule: what is said here may be used, but not with a name or municipality.',
		itemBanner: (items: string) => `Confidential under the Chatham House rule: ${items}`,
		mark: 'confidential',
		saveFlags: 'Apply'
	},
	summary: {
		title: 'Summary',
		publish: 'Publish the summary in the forum',
		update: 'Update the summary in the forum',
		category: 'Forum category',
		published: 'The summary is in the forum.',
		updated: 'The summary in the forum is updated (as a new version).',
		openThread: 'Summary in the forum',
		downloadMarkdown: 'Download as Markdown',
		downloadPdf: 'Download as PDF',
		noCategory: 'There is no forum category you may write in.',
		republishHint:
			'Publishing again changes the thread’s first post as a new version; nobody is notified again.',
		fromWorkshop: (name: string) => `From the ${name}`,
		heading: (name: string) => `Summary: ${name}`,
		when: 'Date',
		agenda: 'Agenda',
		needs: 'Top needs',
		dots: (n: number) => (n === 1 ? '1 dot' : `${n} dots`),
		tie: 'tied',
		decisions: 'Decisions',
		followUps: 'Follow-ups',
		due: (date: string) => `due ${date}`,
		materials: 'Materials',
		none: 'None.',
		notificationTitle: (name: string) => `Summary published: ${name}`,
		notificationText: 'The workshop’s results are in the forum.',
		confidentialNote:
			'This workshop was confidential (Chatham House): names and municipalities are replaced by “Participant”.'
	},
	followUp: {
		create: 'Create a follow-up workshop',
		hint: 'Creates a draft with title, audience, agenda, open follow-ups and needs.',
		openTasks: (name: string) => `Open follow-ups from the ${name}`,
		needs: (name: string) => `Needs from the ${name}`,
		review: (name: string) => `Looking back at the ${name}`
	},
	errors: {
		notYet: 'A summary exists once the workshop is live or closed.',
		categoryForbidden: 'You may not write in this forum category.',
		threadGone: 'The summary’s thread is locked or hidden; please ask the moderators.'
	}
};

export default { de, en };
