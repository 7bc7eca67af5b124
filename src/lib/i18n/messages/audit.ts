/** The audit log, shown in the admin area and in moderation alike. */
const de = {
	title: 'Protokoll',
	when: 'Zeit',
	who: 'Wer',
	action: 'Aktion',
	details: 'Details',
	empty: 'Noch keine Einträge.',
	more: 'Ältere Einträge',
	/** Action names as recorded by the services; unknown ones show as recorded. */
	actions: {
		'member.roles': 'Rollen geändert',
		'member.cohorts': 'Durchgänge geändert',
		'member.deactivate': 'Mitglied deaktiviert',
		'member.reactivate': 'Mitglied reaktiviert',
		'invitation.create': 'Eingeladen',
		'invitation.revoke': 'Einladung zurückgezogen',
		'invitation.resend': 'Einladung erneut gesendet',
		'cohort.create': 'Durchgang angelegt',
		'cohort.update': 'Durchgang geändert',
		'municipality.create': 'Kommune angelegt',
		'municipality.update': 'Kommune geändert',
		'forum.thread.pin': 'Thema angeheftet',
		'forum.thread.unpin': 'Thema nicht mehr angeheftet',
		'forum.thread.lock': 'Thema gesperrt',
		'forum.thread.unlock': 'Thema entsperrt',
		'forum.thread.move': 'Thema verschoben',
		'forum.thread.merge': 'Themen zusammengeführt',
		'forum.thread.split': 'Thema abgespalten',
		'forum.post.hide': 'Beitrag ausgeblendet',
		'forum.post.unhide': 'Beitrag eingeblendet',
		'forum.post.edit': 'Beitrag bearbeitet',
		'forum.report.resolve': 'Meldung erledigt',
		'forum.report.dismiss': 'Meldung verworfen',
		'forum.category.create': 'Kategorie angelegt',
		'forum.category.update': 'Kategorie geändert',
		'forum.tag.create': 'Schlagwort angelegt',
		'legal.update': 'Rechtstext geändert'
	} as Record<string, string>
};

export type AuditMessages = typeof de;

const en: AuditMessages = {
	title: 'Log',
	when: 'Time',
	who: 'Who',
	action: 'Action',
	details: 'Details',
	empty: 'No entries yet.',
	more: 'Older entries',
	actions: {
		'member.roles': 'Roles changed',
		'member.cohorts': 'Cohorts changed',
		'member.deactivate': 'Member deactivated',
		'member.reactivate': 'Member reactivated',
		'invitation.create': 'Invited',
		'invitation.revoke': 'Invitation revoked',
		'invitation.resend': 'Invitation sent again',
		'cohort.create': 'Cohort created',
		'cohort.update': 'Cohort changed',
		'municipality.create': 'Municipality created',
		'municipality.update': 'Municipality changed',
		'forum.thread.pin': 'Thread pinned',
		'forum.thread.unpin': 'Thread unpinned',
		'forum.thread.lock': 'Thread locked',
		'forum.thread.unlock': 'Thread unlocked',
		'forum.thread.move': 'Thread moved',
		'forum.thread.merge': 'Threads merged',
		'forum.thread.split': 'Thread split',
		'forum.post.hide': 'Post hidden',
		'forum.post.unhide': 'Post shown again',
		'forum.post.edit': 'Post edited',
		'forum.report.resolve': 'Report resolved',
		'forum.report.dismiss': 'Report dismissed',
		'forum.category.create': 'Category created',
		'forum.category.update': 'Category changed',
		'forum.tag.create': 'Tag created',
		'legal.update': 'Legal page changed'
	}
};

export default { de, en };
