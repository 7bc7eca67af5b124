const de = {
	title: 'Transfer-Workshops',
	upcoming: 'Anstehende Workshops',
	past: 'Vergangene Workshops',
	drafts: 'Entwürfe',
	none: 'Zurzeit gibt es hier keine Workshops.',
	create: 'Workshop anlegen',
	edit: 'Bearbeiten',
	numbered: (n: number) => `${n}. Transfer-Workshop`,
	states: {
		draft: 'Entwurf',
		published: 'Veröffentlicht',
		live: 'Läuft gerade',
		closed: 'Abgeschlossen',
		archived: 'Archiviert',
		cancelled: 'Abgesagt'
	},
	formats: {
		online: 'Online',
		onsite: 'Vor Ort',
		hybrid: 'Online und vor Ort'
	},
	methods: {
		input: 'Input',
		discussion: 'Diskussion',
		'world-cafe': 'World Café',
		vote: 'Abstimmung',
		break: 'Pause'
	},
	roles: {
		participant: 'Teilnehmer:in',
		supervisor: 'Fachvorgesetzte:r',
		observer: 'Beobachtung',
		organiser: 'Organisation'
	},
	answers: { yes: 'Ich nehme teil', maybe: 'Vielleicht', no: 'Ich nehme nicht teil' },
	status: {
		confirmed: 'Sie sind angemeldet.',
		waitlisted: (position: number) => `Sie stehen auf der Warteliste (Platz ${position}).`,
		maybe: 'Sie haben mit „Vielleicht“ geantwortet.',
		no: 'Sie haben abgesagt.',
		none: 'Sie haben noch nicht geantwortet.'
	},
	seats: (taken: number, capacity: number) => `${taken} von ${capacity} Plätzen belegt`,
	listWaitlisted: 'Sie stehen auf der Warteliste.',
	waitlistCount: (n: number) =>
		n === 1 ? '1 Person auf der Warteliste' : `${n} Personen auf der Warteliste`,
	fields: {
		number: 'Nummer',
		title: 'Titel',
		description: 'Beschreibung (Markdown)',
		date: 'Datum',
		startTime: 'Beginn',
		endTime: 'Ende',
		format: 'Format',
		onlineUrl: 'Link zur Videokonferenz',
		address: 'Adresse',
		capacity: 'Plätze',
		supervisorSeats: 'davon für Fachvorgesetzte reserviert',
		registrationDeadline: 'Anmeldeschluss',
		audience: 'Zielgruppe (Durchgänge)',
		guestAccessDays: 'Zugang für Gäste nach Abschluss (Tage)'
	},
	actions: {
		save: 'Speichern',
		publish: 'Veröffentlichen',
		publishHint:
			'Erst mit der Veröffentlichung sehen die Durchgänge den Workshop und erhalten Einladungen.',
		cancel: 'Workshop absagen',
		close: 'Workshop abschließen',
		archive: 'Archivieren',
		start: 'Workshop starten',
		answer: 'Antwort senden',
		withdraw: 'Abmelden'
	},
	page: {
		when: 'Wann',
		where: 'Wo',
		audience: 'Für',
		organisers: 'Organisation',
		participants: 'Teilnehmende',
		registration: 'Anmeldung',
		deadline: (when: string) => `Anmeldeschluss: ${when}`,
		deadlinePassed: 'Der Anmeldeschluss ist vorbei; Änderungen nimmt die Organisation vor.',
		closedEvent: 'Geschlossene Veranstaltung: keine externen Anmeldungen.',
		draftNotice: 'Entwurf: nur für die Organisation sichtbar. Es wurde noch nichts versendet.',
		cancelledNotice: 'Dieser Workshop wurde abgesagt.',
		join: 'Zur Videokonferenz',
		yourAnswer: 'Ihre Antwort',
		name: 'Name',
		municipality: 'Kommune',
		role: 'Rolle',
		onWaitlist: 'Warteliste',
		manage: 'Workshop verwalten',
		agenda: 'Programm',
		agendaEmpty: 'Das Programm wird noch veröffentlicht.',
		overrun: (minutes: number) =>
			`Achtung: Das Programm dauert ${minutes} Minuten länger als der Workshop.`,
		minutes: (n: number) => `${n} Min.`
	},
	errors: {
		notOpen: 'Für diesen Workshop ist keine Anmeldung möglich.',
		deadlinePassed: 'Der Anmeldeschluss ist vorbei.',
		endBeforeStart: 'Das Ende muss nach dem Beginn liegen.',
		seatsOverCapacity: 'Es können nicht mehr Plätze reserviert werden, als es gibt.',
		capacityBelowTaken: 'So viele Plätze sind bereits belegt.',
		onlineUrlMissing: 'Bitte geben Sie den Link zur Videokonferenz an.',
		addressMissing: 'Bitte geben Sie die Adresse an.',
		audienceMissing: 'Bitte wählen Sie mindestens einen Durchgang.',
		wrongState: 'Das ist in diesem Zustand des Workshops nicht möglich.'
	},
	saved: 'Gespeichert.'
};

const en: typeof de = {
	title: 'Transfer workshops',
	upcoming: 'Upcoming workshops',
	past: 'Past workshops',
	drafts: 'Drafts',
	none: 'There are no workshops here at the moment.',
	create: 'Create workshop',
	edit: 'Edit',
	numbered: (n: number) => `Transfer workshop no. ${n}`,
	states: {
		draft: 'Draft',
		published: 'Published',
		live: 'Happening now',
		closed: 'Closed',
		archived: 'Archived',
		cancelled: 'Cancelled'
	},
	formats: { online: 'Online', onsite: 'On site', hybrid: 'Online and on site' },
	methods: {
		input: 'Input',
		discussion: 'Discussion',
		'world-cafe': 'World café',
		vote: 'Vote',
		break: 'Break'
	},
	roles: {
		participant: 'Participant',
		supervisor: 'Supervisor',
		observer: 'Observer',
		organiser: 'Organiser'
	},
	answers: { yes: 'I will attend', maybe: 'Maybe', no: 'I will not attend' },
	status: {
		confirmed: 'You are registered.',
		waitlisted: (position: number) => `You are on the waiting list (position ${position}).`,
		maybe: 'You answered “maybe”.',
		no: 'You declined.',
		none: 'You have not answered yet.'
	},
	seats: (taken: number, capacity: number) => `${taken} of ${capacity} seats taken`,
	listWaitlisted: 'You are on the waiting list.',
	waitlistCount: (n: number) =>
		n === 1 ? '1 person on the waiting list' : `${n} people on the waiting list`,
	fields: {
		number: 'Number',
		title: 'Title',
		description: 'Description (Markdown)',
		date: 'Date',
		startTime: 'Start',
		endTime: 'End',
		format: 'Format',
		onlineUrl: 'Video conference link',
		address: 'Address',
		capacity: 'Seats',
		supervisorSeats: 'of which reserved for supervisors',
		registrationDeadline: 'Registration deadline',
		audience: 'Audience (cohorts)',
		guestAccessDays: 'Guest access after closing (days)'
	},
	actions: {
		save: 'Save',
		publish: 'Publish',
		publishHint: 'Only once published do the cohorts see the workshop and receive invitations.',
		cancel: 'Cancel workshop',
		close: 'Close workshop',
		archive: 'Archive',
		start: 'Start workshop',
		answer: 'Send answer',
		withdraw: 'Withdraw'
	},
	page: {
		when: 'When',
		where: 'Where',
		audience: 'For',
		organisers: 'Organisers',
		participants: 'Participants',
		registration: 'Registration',
		deadline: (when: string) => `Registration deadline: ${when}`,
		deadlinePassed: 'The registration deadline has passed; the organisers make changes.',
		closedEvent: 'Closed event: no external registrations.',
		draftNotice: 'Draft: visible to organisers only. Nothing has been sent yet.',
		cancelledNotice: 'This workshop has been cancelled.',
		join: 'Join the video conference',
		yourAnswer: 'Your answer',
		name: 'Name',
		municipality: 'Municipality',
		role: 'Role',
		onWaitlist: 'waiting list',
		manage: 'Manage workshop',
		agenda: 'Agenda',
		agendaEmpty: 'The agenda will be published soon.',
		overrun: (minutes: number) =>
			`Note: the agenda runs ${minutes} minutes longer than the workshop.`,
		minutes: (n: number) => `${n} min`
	},
	errors: {
		notOpen: 'Registration is not possible for this workshop.',
		deadlinePassed: 'The registration deadline has passed.',
		endBeforeStart: 'The end must be after the start.',
		seatsOverCapacity: 'You cannot reserve more seats than there are.',
		capacityBelowTaken: 'More seats than that are already taken.',
		onlineUrlMissing: 'Please enter the video conference link.',
		addressMissing: 'Please enter the address.',
		audienceMissing: 'Please choose at least one cohort.',
		wrongState: 'This is not possible in the workshop’s current state.'
	},
	saved: 'Saved.'
};

export default { de, en };
