import type { ReactionKey } from '../../reactions';

const de = {
	appName: 'Netzwerk Smart-City-Manager:innen',
	appShortName: 'Netzwerk',
	skipToContent: 'Zum Inhalt springen',
	mainNavigation: 'Hauptnavigation',
	menu: 'Menü',
	tableOf: (name: string) => `Tabelle: ${name}`,
	nav: {
		home: 'Start',
		forum: 'Forum',
		chat: 'Chat',
		workshops: 'Workshops',
		members: 'Mitglieder',
		notifications: 'Benachrichtigungen',
		search: 'Suche',
		settings: 'Einstellungen',
		admin: 'Verwaltung',
		moderation: 'Moderation',
		login: 'Anmelden',
		logout: 'Abmelden'
	},
	home: {
		title: 'Willkommen im Netzwerk',
		intro:
			'Die Plattform des Alumni-Netzwerks der Smart-City-Manager:innen: Austausch im Forum, Chat mit dem eigenen Durchgang und Transfer-Workshops mit Fachvorgesetzten.',
		cohorts: 'Durchgänge',
		municipalities: 'Kommunen',
		members: (n: number) => (n === 1 ? '1 Mitglied' : `${n} Mitglieder`),
		loginPrompt: 'Das Netzwerk ist geschlossen. Bitte melden Sie sich an.',
		recentThreads: 'Neu im Forum',
		noThreads: 'Noch keine Themen.',
		allThreads: 'Zum Forum',
		myChannels: 'Meine Kanäle',
		unread: (n: number) => (n === 1 ? '1 ungelesene Nachricht' : `${n} ungelesene Nachrichten`),
		allRead: 'alles gelesen',
		unreadPosts: 'ungelesen',
		replies: (n: number) => (n === 1 ? '1 Beitrag' : `${n} Beiträge`)
	},
	language: 'Sprache',
	languages: { de: 'Deutsch', en: 'English' },
	save: 'Speichern',
	cancel: 'Abbrechen',
	saved: 'Gespeichert.',
	loadMore: 'Mehr laden',
	/** The names of the reactions ($lib/reactions), for screen readers. */
	reactions: {
		like: 'Gefällt mir',
		heart: 'Herz',
		tada: 'Feiern',
		laugh: 'Lachen',
		thinking: 'Nachdenklich',
		eyes: 'Beobachte ich'
	} satisfies Record<ReactionKey, string>,
	errors: {
		title: 'Fehler',
		notFound: 'Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.',
		forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
		unauthorized: 'Bitte melden Sie sich an.',
		unavailable:
			'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
		unexpected: 'Ein unerwarteter Fehler ist aufgetreten.',
		conflict: 'Das gibt es schon, oder es wurde inzwischen geändert.',
		rateLimited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
		backHome: 'Zur Startseite'
	},
	validation: {
		required: 'Bitte ausfüllen.',
		tooShort: 'Zu kurz.',
		tooLong: 'Zu lang.',
		invalid: 'Ungültige Eingabe.',
		invalidEmail: 'Bitte eine gültige E-Mail-Adresse angeben.',
		invalidId: 'Unbekannter Eintrag.',
		passwordTooShort: 'Das Passwort muss mindestens 10 Zeichen lang sein.',
		passwordsDiffer: 'Die Passwörter stimmen nicht überein.',
		invalidDate: 'Bitte ein gültiges Datum angeben.',
		invalidTime: 'Bitte eine Uhrzeit wie 10:00 angeben.',
		invalidUrl: 'Bitte eine vollständige Adresse mit https:// angeben.',
		invalidNumber: 'Bitte eine ganze Zahl im erlaubten Bereich angeben.',
		choicesNeeded: 'Bitte mindestens zwei Antwortmöglichkeiten angeben, eine pro Zeile.',
		unknownChoice: 'Diese Antwortmöglichkeit gibt es nicht. Bitte eine der angebotenen wählen.',
		notANumber: 'Bitte eine Zahl angeben, z. B. 12 oder 2,5.',
		outOfRange: 'Die Zahl liegt außerhalb des erlaubten Bereichs.',
		rangeOrder: 'Der Höchstwert darf nicht kleiner als der Mindestwert sein.'
	}
};

export type CommonMessages = typeof de;

const en: CommonMessages = {
	appName: 'Smart City Managers Network',
	appShortName: 'Network',
	skipToContent: 'Skip to content',
	mainNavigation: 'Main navigation',
	menu: 'Menu',
	tableOf: (name: string) => `Table: ${name}`,
	nav: {
		home: 'Home',
		forum: 'Forum',
		chat: 'Chat',
		workshops: 'Workshops',
		members: 'Members',
		notifications: 'Notifications',
		search: 'Search',
		settings: 'Settings',
		admin: 'Administration',
		moderation: 'Moderation',
		login: 'Sign in',
		logout: 'Sign out'
	},
	home: {
		title: 'Welcome to the network',
		intro:
			"The platform of the Smart City managers' alumni network: forum discussions, chat with your cohort and transfer workshops with supervisors.",
		cohorts: 'Cohorts',
		municipalities: 'Municipalities',
		members: (n: number) => (n === 1 ? '1 member' : `${n} members`),
		loginPrompt: 'This is a closed network. Please sign in.',
		recentThreads: 'New in the forum',
		noThreads: 'No threads yet.',
		allThreads: 'Go to the forum',
		myChannels: 'My channels',
		unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
		allRead: 'all read',
		unreadPosts: 'unread',
		replies: (n: number) => (n === 1 ? '1 post' : `${n} posts`)
	},
	language: 'Language',
	languages: { de: 'Deutsch', en: 'English' },
	save: 'Save',
	cancel: 'Cancel',
	saved: 'Saved.',
	loadMore: 'Load more',
	reactions: {
		like: 'Like',
		heart: 'Heart',
		tada: 'Celebrate',
		laugh: 'Laugh',
		thinking: 'Thinking',
		eyes: 'Watching this'
	},
	errors: {
		title: 'Error',
		notFound: 'This page does not exist, or you have no access to it.',
		forbidden: 'You are not allowed to do that.',
		unauthorized: 'Please sign in.',
		unavailable: 'The service is not reachable right now. Please try again in a moment.',
		unexpected: 'An unexpected error occurred.',
		conflict: 'This exists already, or it was changed in the meantime.',
		rateLimited: 'Too many requests. Please wait a moment.',
		backHome: 'Back to the start page'
	},
	validation: {
		required: 'Please fill in.',
		tooShort: 'Too short.',
		tooLong: 'Too long.',
		invalid: 'Invalid input.',
		invalidEmail: 'Please enter a valid email address.',
		invalidId: 'Unknown entry.',
		passwordTooShort: 'The password must be at least 10 characters long.',
		passwordsDiffer: 'The passwords do not match.',
		invalidDate: 'Please enter a valid date.',
		invalidTime: 'Please enter a time such as 10:00.',
		invalidUrl: 'Please enter a full address starting with https://.',
		invalidNumber: 'Please enter a whole number in the allowed range.',
		choicesNeeded: 'Please give at least two answer options, one per line.',
		unknownChoice: 'This answer option does not exist. Please choose one of those offered.',
		notANumber: 'Please enter a number, e.g. 12 or 2.5.',
		outOfRange: 'The number is outside the allowed range.',
		rangeOrder: 'The maximum must not be less than the minimum.'
	}
};

export default { de, en };
