import type { LegalPageKey } from '../../legal';

/** Impressum, privacy notice and accessibility statement: footer, pages, feedback and admin. */
const de = {
	footer: 'Rechtliches',
	titles: {
		impressum: 'Impressum',
		datenschutz: 'Datenschutzerklärung',
		barrierefreiheit: 'Erklärung zur Barrierefreiheit'
	} as Record<LegalPageKey, string>,
	templateNotice:
		'Diese Seite zeigt noch die mitgelieferte Vorlage. Die Angaben in eckigen Klammern ergänzt die Verwaltung.',
	editThis: 'Diese Seite bearbeiten',
	updated: (date: string) => `Stand: ${date}`,
	feedback: {
		title: 'Barriere melden',
		intro:
			'Beschreiben Sie, wo Sie auf eine Barriere gestoßen sind. Eine Anmeldung ist nicht nötig.',
		message: 'Ihre Rückmeldung',
		email: 'E-Mail-Adresse für eine Antwort (optional)',
		pageAddress: 'Betroffene Seite (optional)',
		pageAddressHint: 'Zum Beispiel die Adresse der Seite oder ihr Titel.',
		send: 'Rückmeldung senden',
		sent: 'Vielen Dank. Ihre Rückmeldung wurde gesendet.'
	},
	admin: {
		title: 'Rechtstexte',
		intro:
			'Impressum, Datenschutzerklärung und Erklärung zur Barrierefreiheit sind von jeder Seite aus verlinkt. Sie werden in Markdown geschrieben.',
		template: 'Vorlage',
		saved: 'Gespeichert',
		markdown: 'Text (Markdown)',
		feedbackEmail: 'Adresse für Rückmeldungen zur Barrierefreiheit',
		feedbackEmailHint:
			'Das Formular auf der Seite sendet an diese Adresse. Ohne Adresse wird kein Formular gezeigt.',
		save: 'Speichern',
		view: 'Seite ansehen',
		savedNotice: 'Der Text wurde gespeichert.'
	},
	feedbackUnavailable:
		'Rückmeldungen über das Formular sind zurzeit nicht möglich. Bitte nutzen Sie die im Text genannte Adresse.',
	feedbackNotSent:
		'Ihre Rückmeldung konnte gerade nicht gesendet werden. Bitte versuchen Sie es in einigen Minuten erneut.',
	feedbackTooOften:
		'Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Rückmeldungen. Bitte versuchen Sie es später erneut.'
};

export type LegalMessages = typeof de;

const en: LegalMessages = {
	footer: 'Legal',
	titles: {
		impressum: 'Legal notice',
		datenschutz: 'Privacy notice',
		barrierefreiheit: 'Accessibility statement'
	},
	templateNotice:
		'This page still shows the template shipped with the platform. The administrators fill in the details in square brackets.',
	editThis: 'Edit this page',
	updated: (date: string) => `Last updated: ${date}`,
	feedback: {
		title: 'Report a barrier',
		intro: 'Describe where you came across a barrier. You do not need to sign in.',
		message: 'Your feedback',
		email: 'Email address for a reply (optional)',
		pageAddress: 'Page concerned (optional)',
		pageAddressHint: 'For example the address of the page or its title.',
		send: 'Send feedback',
		sent: 'Thank you. Your feedback has been sent.'
	},
	admin: {
		title: 'Legal pages',
		intro:
			'The legal notice, privacy notice and accessibility statement are linked from every page. They are written in Markdown.',
		template: 'Template',
		saved: 'Saved',
		markdown: 'Text (Markdown)',
		feedbackEmail: 'Address for accessibility feedback',
		feedbackEmailHint:
			'The form on the page sends to this address. Without an address no form is shown.',
		save: 'Save',
		view: 'View page',
		savedNotice: 'The text has been saved.'
	},
	feedbackUnavailable:
		'Feedback through the form is not possible at the moment. Please use the address given in the text.',
	feedbackNotSent: 'Your feedback could not be sent just now. Please try again in a few minutes.',
	feedbackTooOften:
		'Several reports came from your connection in the last hour. Please try again later.'
};

export default { de, en };
