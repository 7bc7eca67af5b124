import workshopMail from './workshop-mail';

const de = {
	title: 'Transfer-Workshops',
	upcoming: 'Anstehende Workshops',
	past: 'Vergangene Workshops',
	drafts: 'Entwürfe',
	none: 'Zurzeit gibt es hier keine Workshops.',
	create: 'Workshop anlegen',
	edit: 'Bearbeiten',
	numbered: (n: number) => `${n}. Transfer-Workshop`,
	calendar: {
		download: 'In den Kalender (.ics)',
		onlineLink: 'Videokonferenz',
		pageLink: 'Workshop-Seite',
		feedName: 'Netzwerk: Meine Workshops',
		feedTitle: 'Kalender-Abo',
		feedIntro:
			'Abonnieren Sie Ihre Workshops in Ihrer Kalender-App (Outlook, Apple Kalender, Google Kalender, Thunderbird). Das Abo enthält die Workshops, für die Sie angemeldet sind, mit „Vielleicht“ geantwortet haben oder die Sie organisieren; Plätze auf der Warteliste nicht. Es aktualisiert sich selbst.',
		feedSecret:
			'Der Link ist persönlich: Wer ihn kennt, sieht Ihre Workshops samt Videokonferenz-Link. Geben Sie ihn nicht weiter.',
		feedActive: (since: string) => `Ihr Kalender-Abo ist aktiv (Link erzeugt am ${since}).`,
		feedInactive: 'Sie haben kein Kalender-Abo.',
		feedUrl: 'Adresse Ihres Kalender-Abos',
		feedShownOnce:
			'Kopieren Sie die Adresse jetzt in Ihre Kalender-App: Sie wird aus Sicherheitsgründen nur einmal angezeigt. Brauchen Sie sie später wieder, erzeugen Sie einen neuen Link.',
		feedOpen: 'In Kalender-App öffnen',
		feedCreate: 'Link erzeugen',
		feedRenew: 'Neuen Link erzeugen',
		feedRenewHint: 'Der bisherige Link funktioniert danach nicht mehr.',
		feedEnd: 'Abo beenden',
		feedCreated: 'Ein neuer Link für Ihr Kalender-Abo wurde erzeugt.',
		feedEnded: 'Ihr Kalender-Abo wurde beendet; der Link funktioniert nicht mehr.'
	},
	dashboard: {
		next: 'Mein nächster Workshop',
		mine: 'Meine Workshops',
		none: 'Zurzeit steht kein Workshop für Sie an.',
		answerNow: 'Jetzt antworten',
		all: 'Alle Workshops'
	},
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
		none: 'Sie haben noch nicht geantwortet.',
		organising: 'Sie organisieren diesen Workshop.'
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
		openChat: 'Zum Workshop-Chat',
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
		wrongState: 'Das ist in diesem Zustand des Workshops nicht möglich.',
		memberNotSupervisor:
			'Diese Adresse gehört zu einem Mitglied des Netzwerks; es meldet sich selbst an.',
		invitationPending: 'Sie haben für diesen Workshop bereits eine offene Einladung verschickt.',
		tandemExists: 'Ihre Fachvorgesetzte oder Ihr Fachvorgesetzter steht bereits auf der Liste.',
		memberNotGuest:
			'Diese Adresse gehört zu einem Mitglied des Netzwerks; es meldet sich selbst an oder wird von der Organisation eingetragen.'
	},
	agendaEdit: {
		title: 'Programm bearbeiten',
		back: 'Zurück zum Workshop',
		up: 'Nach oben',
		down: 'Nach unten',
		remove: 'Entfernen',
		proposals: 'Vorgeschlagene Programmpunkte',
		adopt: 'Ins Programm übernehmen',
		add: 'Punkt hinzufügen',
		addButton: 'Hinzufügen',
		kind: 'Art',
		kinds: { item: 'Programmpunkt', section: 'Abschnitt' },
		itemTitle: 'Titel',
		duration: 'Dauer (Minuten)',
		method: 'Methode',
		speaker: 'Referent:in',
		propose: 'Programmpunkt vorschlagen',
		proposeHint: 'Die Organisation entscheidet, ob der Vorschlag ins Programm kommt.',
		proposeButton: 'Vorschlagen',
		proposed: 'Danke, Ihr Vorschlag ist bei der Organisation.'
	},
	tandem: {
		title: 'Fachvorgesetzte:n mitbringen',
		intro:
			'Laden Sie Ihre Fachvorgesetzte oder Ihren Fachvorgesetzten zu diesem Workshop ein. Die Einladung gilt nur für diesen Workshop.',
		name: 'Name',
		email: 'E-Mail-Adresse',
		send: 'Einladung senden',
		invited: 'Die Einladung ist verschickt.',
		added: 'Ihre Fachvorgesetzte oder Ihr Fachvorgesetzter steht jetzt auf der Liste.'
	},
	observers: {
		title: 'Beobachtende einladen',
		intro:
			'Gäste wie die Koordinierungs- und Transferstelle (KTS) nehmen beobachtend teil: ohne Platz, mit Zugang nur zu diesem Workshop.',
		name: 'Name',
		email: 'E-Mail-Adresse',
		send: 'Einladung senden',
		invited: 'Die Einladung ist verschickt.',
		added: 'Der Gast steht jetzt auf der Liste.',
		revoke: 'Zugang entziehen',
		revokeLabel: (name: string) => `Zugang von ${name} entziehen`,
		revoked: 'Der Zugang ist entzogen; laufende Sitzungen des Gastes sind beendet.'
	},
	rsvpLink: workshopMail.de.rsvpLink,
	saved: 'Gespeichert.',
	mail: workshopMail.de.mail
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
	calendar: {
		download: 'Add to calendar (.ics)',
		onlineLink: 'Video conference',
		pageLink: 'Workshop page',
		feedName: 'Netzwerk: my workshops',
		feedTitle: 'Calendar subscription',
		feedIntro:
			'Subscribe to your workshops in your calendar app (Outlook, Apple Calendar, Google Calendar, Thunderbird). The subscription holds the workshops you are registered for, answered “maybe” to or organise; places on a waiting list are not included. It updates itself.',
		feedSecret:
			'The link is personal: anyone who knows it sees your workshops including the video conference link. Do not share it.',
		feedActive: (since: string) =>
			`Your calendar subscription is active (link created on ${since}).`,
		feedInactive: 'You have no calendar subscription.',
		feedUrl: 'Address of your calendar subscription',
		feedShownOnce:
			'Copy the address into your calendar app now: for security it is shown only once. If you need it again later, create a new link.',
		feedOpen: 'Open in calendar app',
		feedCreate: 'Create link',
		feedRenew: 'Create new link',
		feedRenewHint: 'The previous link stops working.',
		feedEnd: 'End subscription',
		feedCreated: 'A new link for your calendar subscription has been created.',
		feedEnded: 'Your calendar subscription has ended; the link no longer works.'
	},
	dashboard: {
		next: 'My next workshop',
		mine: 'My workshops',
		none: 'There is no upcoming workshop for you at the moment.',
		answerNow: 'Answer now',
		all: 'All workshops'
	},
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
		none: 'You have not answered yet.',
		organising: 'You are organising this workshop.'
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
		openChat: 'Open the workshop chat',
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
		wrongState: 'This is not possible in the workshop’s current state.',
		memberNotSupervisor:
			'This address belongs to a member of the network; they register themselves.',
		invitationPending: 'You have already sent an open invitation for this workshop.',
		tandemExists: 'Your supervisor is already on the list.',
		memberNotGuest:
			'This address belongs to a member of the network; they register themselves or are added by the organisers.'
	},
	agendaEdit: {
		title: 'Edit agenda',
		back: 'Back to the workshop',
		up: 'Move up',
		down: 'Move down',
		remove: 'Remove',
		proposals: 'Proposed topics',
		adopt: 'Add to the agenda',
		add: 'Add an item',
		addButton: 'Add',
		kind: 'Kind',
		kinds: { item: 'Agenda item', section: 'Section' },
		itemTitle: 'Title',
		duration: 'Duration (minutes)',
		method: 'Method',
		speaker: 'Speaker',
		propose: 'Propose a topic',
		proposeHint: 'The organisers decide whether the topic goes on the agenda.',
		proposeButton: 'Propose',
		proposed: 'Thank you, your proposal is with the organisers.'
	},
	tandem: {
		title: 'Bring your supervisor',
		intro: 'Invite your supervisor to this workshop. The invitation is for this workshop only.',
		name: 'Name',
		email: 'Email address',
		send: 'Send invitation',
		invited: 'The invitation has been sent.',
		added: 'Your supervisor is now on the list.'
	},
	observers: {
		title: 'Invite observers',
		intro:
			'Guests such as the federal transfer office (KTS) attend as observers: without a seat, with access to this workshop only.',
		name: 'Name',
		email: 'Email address',
		send: 'Send invitation',
		invited: 'The invitation has been sent.',
		added: 'The guest is now on the list.',
		revoke: 'Revoke access',
		revokeLabel: (name: string) => `Revoke access of ${name}`,
		revoked: 'Access revoked; the guest’s open sessions have ended.'
	},
	rsvpLink: workshopMail.en.rsvpLink,
	saved: 'Saved.',
	mail: workshopMail.en.mail
};

export default { de, en };
