const de = {
	title: 'Benachrichtigungen',
	empty: 'Keine Benachrichtigungen.',
	markAllRead: 'Alle als gelesen markieren',
	unread: 'ungelesen',
	unreadCount: (n: number) =>
		n === 1 ? '1 ungelesene Benachrichtigung' : `${n} ungelesene Benachrichtigungen`,
	newArrived: (title: string) => `Neue Benachrichtigung: ${title}`,
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
	newArrived: (title: string) => `New notification: ${title}`,
	kinds: {
		mention: 'Mention',
		reply: 'Reply',
		workshop: 'Workshop',
		moderation: 'Moderation'
	}
};

export default { de, en };
