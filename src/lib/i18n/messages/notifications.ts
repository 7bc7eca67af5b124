/** What a notification says in one line; the actor is named where there is one. */
interface Headline {
	kind: 'mention' | 'reply' | 'workshop' | 'moderation';
	actorName: string;
	title: string;
}

const de = {
	title: 'Benachrichtigungen',
	empty: 'Keine Benachrichtigungen.',
	markAllRead: 'Alle als gelesen markieren',
	unread: 'ungelesen',
	unreadCount: (n: number) =>
		n === 1 ? '1 ungelesene Benachrichtigung' : `${n} ungelesene Benachrichtigungen`,
	newArrived: (headline: string) => `Neue Benachrichtigung: ${headline}`,
	headline: ({ kind, actorName, title }: Headline) =>
		!actorName
			? title
			: kind === 'reply'
				? `${actorName} hat in „${title}“ geantwortet`
				: kind === 'mention'
					? `${actorName} hat Sie in „${title}“ erwähnt`
					: `${actorName}: ${title}`,
	kinds: {
		mention: 'Erwähnung',
		reply: 'Antwort',
		workshop: 'Workshop',
		moderation: 'Moderation'
	}
};

export type NotificationMessages = typeof de;

const en: NotificationMessages = {
	title: 'Notifications',
	empty: 'No notifications.',
	markAllRead: 'Mark all as read',
	unread: 'unread',
	unreadCount: (n: number) => (n === 1 ? '1 unread notification' : `${n} unread notifications`),
	newArrived: (headline: string) => `New notification: ${headline}`,
	headline: ({ kind, actorName, title }: Headline) =>
		!actorName
			? title
			: kind === 'reply'
				? `${actorName} replied in “${title}”`
				: kind === 'mention'
					? `${actorName} mentioned you in “${title}”`
					: `${actorName}: ${title}`,
	kinds: {
		mention: 'Mention',
		reply: 'Reply',
		workshop: 'Workshop',
		moderation: 'Moderation'
	}
};

export default { de, en };
