/** The search page over posts, thread titles, chat messages, categories and members. */
const de = {
	title: 'Suche',
	label: 'Suchbegriffe',
	submit: 'Suchen',
	hint: 'Durchsucht Forum, Chat, Kategorien und Mitglieder, soweit Sie sie sehen dürfen. Das letzte Wort darf unvollständig sein.',
	filters: 'Suche eingrenzen',
	kind: 'Art',
	anyKind: 'Alles',
	category: 'Kategorie',
	anyCategory: 'Alle Kategorien',
	author: 'Verfasst von (Name)',
	period: 'Zeitraum',
	anyPeriod: 'Jederzeit',
	periods: {
		day: 'Letzte 24 Stunden',
		week: 'Letzte 7 Tage',
		month: 'Letzter Monat',
		year: 'Letztes Jahr'
	},
	kinds: {
		posts: 'Beiträge',
		threads: 'Themen',
		messages: 'Chat-Nachrichten',
		categories: 'Kategorien',
		members: 'Mitglieder'
	},
	nothing: 'Keine Treffer.',
	count: (n: number, more: boolean) => `${n}${more ? '+' : ''} Treffer`,
	showAll: (kind: string) => `Alle Treffer unter „${kind}“ zeigen`,
	more: 'Weitere Treffer',
	inChannel: (name: string) => `im Chat „${name}“`,
	inCategory: (name: string) => `in „${name}“`,
	building:
		'Der Suchindex wird gerade aufgebaut; Beiträge, Themen und Nachrichten fehlen eventuell noch. Bitte versuchen Sie es gleich noch einmal.'
};

const en: typeof de = {
	title: 'Search',
	label: 'Search terms',
	submit: 'Search',
	hint: 'Searches forum, chat, categories and members, as far as you may see them. The last word may be incomplete.',
	filters: 'Narrow the search',
	kind: 'Kind',
	anyKind: 'Everything',
	category: 'Category',
	anyCategory: 'All categories',
	author: 'Written by (name)',
	period: 'Period',
	anyPeriod: 'Any time',
	periods: {
		day: 'Last 24 hours',
		week: 'Last 7 days',
		month: 'Last month',
		year: 'Last year'
	},
	kinds: {
		posts: 'Posts',
		threads: 'Threads',
		messages: 'Chat messages',
		categories: 'Categories',
		members: 'Members'
	},
	nothing: 'No results.',
	count: (n: number, more: boolean) => `${n}${more ? '+' : ''} results`,
	showAll: (kind: string) => `Show all results under “${kind}”`,
	more: 'More results',
	inChannel: (name: string) => `in chat “${name}”`,
	inCategory: (name: string) => `in “${name}”`,
	building:
		'The search index is being built; posts, threads and messages may still be missing. Please try again in a moment.'
};

export default { de, en };
