/** Workshop mails and the page of their one-click answer links (part of the workshops dictionary). */
const de = {
	rsvpLink: {
		title: 'Antwort auf die Einladung',
		intro: (workshop: string, when: string) => `Einladung zum ${workshop} am ${when}.`,
		yourAnswer: 'Ihre Antwort:',
		answers: {
			yes: 'Ja, ich nehme teil.',
			maybe: 'Vielleicht.',
			no: 'Nein, ich kann nicht teilnehmen.'
		},
		confirm: 'Antwort senden',
		confirmHint: 'Gespeichert wird Ihre Antwort erst mit diesem Knopf.',
		saved: {
			confirmed: 'Danke! Sie sind angemeldet.',
			waitlisted: (place: number) =>
				`Danke! Alle Plätze sind belegt: Sie stehen auf der Warteliste (Platz ${place}). Wird ein Platz frei, rücken Sie automatisch nach und bekommen eine E-Mail.`,
			maybe: 'Danke! Ihre Antwort „Vielleicht“ ist gespeichert.',
			no: 'Danke! Ihre Absage ist gespeichert.'
		},
		changeLater:
			'Ändern können Sie Ihre Antwort mit einem anderen Link aus der E-Mail oder auf der Workshop-Seite.',
		openWorkshop: 'Zur Workshop-Seite',
		invalid:
			'Dieser Link kann nicht verwendet werden. Antworten Sie bitte auf der Workshop-Seite, nachdem Sie sich angemeldet haben.'
	},
	mail: {
		observerSubject: (workshop: string) => `Einladung zur Beobachtung: ${workshop}`,
		observerInvite: (name: string, workshop: string, when: string, link: string) =>
			`Guten Tag${name ? ' ' + name : ''},\n\nSie sind eingeladen, den ${workshop} am ${when} beobachtend zu begleiten. Der Workshop ist eine geschlossene Veranstaltung für die Alumni des Qualifizierungsprogramms und ihre Fachvorgesetzten.\n\nÜber diesen Link legen Sie Ihren Zugang an (14 Tage gültig, nur einmal nutzbar). Er gilt nur für diesen Workshop:\n\n${link}\n\nWenn Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.`,
		observerAdded: (name: string, workshop: string, when: string, link: string) =>
			`Guten Tag ${name},\n\nSie sind eingeladen, den ${workshop} am ${when} beobachtend zu begleiten, und stehen jetzt auf der Teilnehmendenliste.\n\n${link}`,
		tandemSubject: (workshop: string) => `Einladung: ${workshop}`,
		tandemInvite: (name: string, alumna: string, workshop: string, when: string, link: string) =>
			`Guten Tag${name ? ' ' + name : ''},\n\n${alumna} lädt Sie als Fachvorgesetzte:n zum ${workshop} am ${when} ein. Der Workshop ist eine geschlossene Veranstaltung für die Alumni des Qualifizierungsprogramms und ihre Fachvorgesetzten.\n\nÜber diesen Link legen Sie Ihren Zugang an (14 Tage gültig, nur einmal nutzbar). Er gilt nur für diesen Workshop:\n\n${link}\n\nWenn Sie diese Einladung nicht erwartet haben, können Sie die E-Mail ignorieren.`,
		tandemAdded: (name: string, alumna: string, workshop: string, when: string, link: string) =>
			`Guten Tag ${name},\n\n${alumna} hat Sie als Fachvorgesetzte:n zum ${workshop} am ${when} eingeladen. Sie stehen jetzt auf der Teilnehmendenliste.\n\n${link}`,
		inviteSubject: (workshop: string) => `Einladung: ${workshop}`,
		inviteText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nSie sind herzlich zum ${workshop} am ${when} eingeladen. Bitte sagen Sie zu oder ab; auf der Workshop-Seite können Sie auch Ihre Fachvorgesetzte oder Ihren Fachvorgesetzten einladen.`,
		answerLinks: (choices: { label: string; url: string }[]) =>
			`Ihre Antwort mit einem Klick, ohne Anmeldung (jeder Link gilt einmal, bis zum Anmeldeschluss):\n${choices.map((c) => `${c.label}: ${c.url}`).join('\n')}`,
		answerYes: 'Ja, ich nehme teil',
		answerMaybe: 'Vielleicht',
		answerNo: 'Nein, ich kann nicht',
		calendarAttached: 'Den Termin für Ihren Kalender finden Sie im Anhang.',
		calendarCancelled: 'Der Kalendereintrag im Anhang nimmt den Termin aus Ihrem Kalender.',
		promotedSubject: (workshop: string) => `Sie haben einen Platz: ${workshop}`,
		promotedText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nfür den ${workshop} am ${when} ist ein Platz frei geworden: Sie sind jetzt angemeldet. Falls Sie doch nicht teilnehmen können, sagen Sie bitte auf der Workshop-Seite ab.`,
		cancelledSubject: (workshop: string) => `Abgesagt: ${workshop}`,
		cancelledText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nder ${workshop} am ${when} wurde leider abgesagt.`,
		changedSubject: (workshop: string) => `Geändert: ${workshop}`,
		changedText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nder ${workshop} wurde geändert. Er findet am ${when} statt; Programm und Einzelheiten finden Sie auf der Workshop-Seite.`,
		reminderSubject: (workshop: string) => `Erinnerung: ${workshop}`,
		reminderText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nwir erinnern Sie an den ${workshop} am ${when}.`,
		unansweredSubject: (workshop: string) => `Noch keine Antwort: ${workshop}`,
		unansweredText: (name: string, workshop: string, when: string) =>
			`Guten Tag ${name},\n\nSie haben auf die Einladung zum ${workshop} am ${when} noch nicht geantwortet. Bitte sagen Sie zu oder ab.`,
		acceptInvitation: 'Einladung annehmen',
		openWorkshop: 'Zum Workshop'
	}
};

const en: typeof de = {
	rsvpLink: {
		title: 'Your answer to the invitation',
		intro: (workshop: string, when: string) => `Invitation to ${workshop} on ${when}.`,
		yourAnswer: 'Your answer:',
		answers: {
			yes: 'Yes, I will attend.',
			maybe: 'Maybe.',
			no: 'No, I cannot attend.'
		},
		confirm: 'Send answer',
		confirmHint: 'Your answer is saved only when you press this button.',
		saved: {
			confirmed: 'Thank you! You are registered.',
			waitlisted: (place: number) =>
				`Thank you! All seats are taken: you are on the waiting list (place ${place}). When a seat becomes free you move up automatically and receive an email.`,
			maybe: 'Thank you! Your answer “maybe” has been saved.',
			no: 'Thank you! Your answer “no” has been saved.'
		},
		changeLater:
			'You can change your answer with another link from the email or on the workshop page.',
		openWorkshop: 'Open the workshop page',
		invalid: 'This link cannot be used. Please answer on the workshop page after signing in.'
	},
	mail: {
		observerSubject: (workshop: string) => `Invitation to observe: ${workshop}`,
		observerInvite: (name: string, workshop: string, when: string, link: string) =>
			`Hello${name ? ' ' + name : ''},\n\nYou are invited to observe the ${workshop} on ${when}. The workshop is a closed event for the alumni of the qualification programme and their supervisors.\n\nThis link creates your access (valid for 14 days, single use). It applies to this workshop only:\n\n${link}\n\nIf you did not expect this invitation, you can ignore this email.`,
		observerAdded: (name: string, workshop: string, when: string, link: string) =>
			`Hello ${name},\n\nYou are invited to observe the ${workshop} on ${when} and are now on the list of participants.\n\n${link}`,
		tandemSubject: (workshop: string) => `Invitation: ${workshop}`,
		tandemInvite: (name: string, alumna: string, workshop: string, when: string, link: string) =>
			`Hello${name ? ' ' + name : ''},\n\n${alumna} invites you as their supervisor to ${workshop} on ${when}. The workshop is a closed event for the programme's alumni and their supervisors.\n\nCreate your account with this link (valid for 14 days, usable once). It is for this workshop only:\n\n${link}\n\nIf you did not expect this invitation, you can ignore this email.`,
		tandemAdded: (name: string, alumna: string, workshop: string, when: string, link: string) =>
			`Hello ${name},\n\n${alumna} has invited you as their supervisor to ${workshop} on ${when}. You are now on the list of participants.\n\n${link}`,
		inviteSubject: (workshop: string) => `Invitation: ${workshop}`,
		inviteText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\nyou are invited to ${workshop} on ${when}. Please accept or decline; on the workshop page you can also invite your supervisor.`,
		answerLinks: (choices: { label: string; url: string }[]) =>
			`Answer with one click, without signing in (each link works once, until registration closes):\n${choices.map((c) => `${c.label}: ${c.url}`).join('\n')}`,
		answerYes: 'Yes, I will attend',
		answerMaybe: 'Maybe',
		answerNo: 'No, I cannot attend',
		calendarAttached: 'The appointment for your calendar is attached.',
		calendarCancelled: 'The attached calendar entry removes the appointment from your calendar.',
		promotedSubject: (workshop: string) => `You have a seat: ${workshop}`,
		promotedText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\na seat has become free for ${workshop} on ${when}: you are now registered. If you cannot attend after all, please decline on the workshop page.`,
		cancelledSubject: (workshop: string) => `Cancelled: ${workshop}`,
		cancelledText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\nunfortunately ${workshop} on ${when} has been cancelled.`,
		changedSubject: (workshop: string) => `Changed: ${workshop}`,
		changedText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\n${workshop} has changed. It takes place on ${when}; the agenda and details are on the workshop page.`,
		reminderSubject: (workshop: string) => `Reminder: ${workshop}`,
		reminderText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\nthis is a reminder of ${workshop} on ${when}.`,
		unansweredSubject: (workshop: string) => `No answer yet: ${workshop}`,
		unansweredText: (name: string, workshop: string, when: string) =>
			`Hello ${name},\n\nyou have not yet answered the invitation to ${workshop} on ${when}. Please accept or decline.`,
		acceptInvitation: 'Accept invitation',
		openWorkshop: 'Open the workshop'
	}
};

export default { de, en };
