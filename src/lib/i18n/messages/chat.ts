const de = {
	title: 'Chat',
	channels: 'Kanäle',
	channelKinds: {
		general: 'Netzwerk',
		cohort: 'Durchgang',
		workshop: 'Workshop',
		direct: 'Direkt'
	},
	noChannels: 'Für Sie gibt es noch keinen Kanal.',
	unread: (n: number) => (n === 1 ? '1 ungelesene Nachricht' : `${n} ungelesene Nachrichten`),
	messages: 'Nachrichten',
	loadOlder: 'Ältere Nachrichten laden',
	loadingOlder: 'Ältere Nachrichten werden geladen …',
	beginning: 'Das ist der Anfang dieses Kanals.',
	empty: 'Noch keine Nachrichten. Schreiben Sie die erste!',
	jumpToUnread: 'Zur ersten ungelesenen Nachricht',
	newMessages: 'Neue Nachrichten',
	jumpToLatest: 'Zu den neuesten Nachrichten',
	composerLabel: (channel: string) => `Nachricht an ${channel}`,
	composerHint:
		'Eingabe sendet, Umschalt+Eingabe macht eine neue Zeile. Markdown: **fett**, *kursiv*, `Code`, Listen, Links. @Name erwähnt.',
	send: 'Senden',
	preview: 'Vorschau',
	previewEmpty: 'Nichts zu zeigen.',
	write: 'Schreiben',
	pending: 'Wartet auf Verbindung',
	sending: 'Wird gesendet …',
	failed: 'Nicht gesendet',
	retry: 'Erneut senden',
	discard: 'Verwerfen',
	offline: 'Keine Verbindung. Nachrichten werden gesendet, sobald die Verbindung zurück ist.',
	reconnecting: 'Verbindung wird wiederhergestellt …',
	reply: 'Antworten',
	replyingTo: (name: string) => `Antwort an ${name}`,
	cancelReply: 'Antwort abbrechen',
	inReplyTo: (name: string) => `Antwort auf ${name}`,
	edit: 'Bearbeiten',
	editLabel: 'Nachricht bearbeiten',
	saveEdit: 'Speichern',
	cancelEdit: 'Abbrechen',
	delete: 'Löschen',
	confirmDelete: 'Diese Nachricht löschen?',
	deleted: 'Nachricht gelöscht',
	edited: '(bearbeitet)',
	react: 'Reaktion hinzufügen',
	reactWith: (name: string) => `Mit ${name} reagieren`,
	reactionCount: (emoji: string, n: number, mine: boolean) =>
		`${emoji} ${n}${mine ? ', auch von Ihnen – entfernen' : ''}`,
	reactionNames: {
		thumbsup: 'Daumen hoch',
		heart: 'Herz',
		laugh: 'Lachen',
		tada: 'Feiern',
		eyes: 'Augen',
		thinking: 'Nachdenklich'
	},
	messageActions: 'Aktionen zur Nachricht',
	typing: (names: string[]) =>
		names.length === 1
			? `${names[0]} schreibt …`
			: names.length === 2
				? `${names[0]} und ${names[1]} schreiben …`
				: `${names.length} Personen schreiben …`,
	online: 'Online',
	onlineCount: (n: number) => `${n} online`,
	mentionSuggestions: 'Vorschläge für Erwähnungen',
	announceNew: (name: string, text: string) => `Neue Nachricht von ${name}: ${text}`,
	you: 'Sie',
	errors: {
		invalid: 'Die Nachricht ist ungültig.',
		tooLong: 'Die Nachricht ist zu lang (höchstens 4000 Zeichen).',
		not_found: 'Diesen Kanal gibt es nicht, oder Sie haben keinen Zugriff darauf.',
		notFound: 'Diesen Kanal oder diese Nachricht gibt es nicht, oder Sie haben keinen Zugriff.',
		forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
		notOwn: 'Sie können nur eigene Nachrichten ändern.',
		editWindow: 'Nachrichten können nur in den ersten 15 Minuten bearbeitet werden.',
		deleted: 'Diese Nachricht wurde gelöscht.',
		rate_limited: 'Sie senden zu schnell. Bitte warten Sie einen Moment.',
		readLimited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.',
		unavailable: 'Der Chat ist gerade nicht erreichbar. Die Nachricht wird erneut gesendet.',
		unexpected: 'Ein unerwarteter Fehler ist aufgetreten.'
	}
};

const en: typeof de = {
	title: 'Chat',
	channels: 'Channels',
	channelKinds: { general: 'Network', cohort: 'Cohort', workshop: 'Workshop', direct: 'Direct' },
	noChannels: 'There is no channel for you yet.',
	unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
	messages: 'Messages',
	loadOlder: 'Load older messages',
	loadingOlder: 'Loading older messages …',
	beginning: 'This is the beginning of this channel.',
	empty: 'No messages yet. Write the first one!',
	jumpToUnread: 'Jump to the first unread message',
	newMessages: 'New messages',
	jumpToLatest: 'Jump to the latest messages',
	composerLabel: (channel: string) => `Message to ${channel}`,
	composerHint:
		'Enter sends, Shift+Enter adds a new line. Markdown: **bold**, *italics*, `code`, lists, links. @name mentions.',
	send: 'Send',
	preview: 'Preview',
	previewEmpty: 'Nothing to show.',
	write: 'Write',
	pending: 'Waiting for the connection',
	sending: 'Sending …',
	failed: 'Not sent',
	retry: 'Send again',
	discard: 'Discard',
	offline: 'No connection. Messages will be sent once the connection is back.',
	reconnecting: 'Reconnecting …',
	reply: 'Reply',
	replyingTo: (name: string) => `Reply to ${name}`,
	cancelReply: 'Cancel reply',
	inReplyTo: (name: string) => `In reply to ${name}`,
	edit: 'Edit',
	editLabel: 'Edit message',
	saveEdit: 'Save',
	cancelEdit: 'Cancel',
	delete: 'Delete',
	confirmDelete: 'Delete this message?',
	deleted: 'Message deleted',
	edited: '(edited)',
	react: 'Add reaction',
	reactWith: (name: string) => `React with ${name}`,
	reactionCount: (emoji: string, n: number, mine: boolean) =>
		`${emoji} ${n}${mine ? ', including you – remove' : ''}`,
	reactionNames: {
		thumbsup: 'thumbs up',
		heart: 'heart',
		laugh: 'laugh',
		tada: 'celebrate',
		eyes: 'eyes',
		thinking: 'thinking'
	},
	messageActions: 'Message actions',
	typing: (names: string[]) =>
		names.length === 1
			? `${names[0]} is typing …`
			: names.length === 2
				? `${names[0]} and ${names[1]} are typing …`
				: `${names.length} people are typing …`,
	online: 'Online',
	onlineCount: (n: number) => `${n} online`,
	mentionSuggestions: 'Mention suggestions',
	announceNew: (name: string, text: string) => `New message from ${name}: ${text}`,
	you: 'You',
	errors: {
		invalid: 'The message is not valid.',
		tooLong: 'The message is too long (4000 characters at most).',
		not_found: 'This channel does not exist, or you have no access to it.',
		notFound: 'This channel or message does not exist, or you have no access.',
		forbidden: 'You are not allowed to do that.',
		notOwn: 'You can only change your own messages.',
		editWindow: 'Messages can only be edited within 15 minutes.',
		deleted: 'This message was deleted.',
		rate_limited: 'You are sending too fast. Please wait a moment.',
		readLimited: 'Too many requests in a short time. Please wait a moment.',
		unavailable: 'The chat is not reachable right now. The message will be sent again.',
		unexpected: 'An unexpected error occurred.'
	}
};

export default { de, en };
