import type { Actor } from '../auth/permissions';
import { ForumCategory, ForumTag, ForumThread, type Role } from '../db/models';
import { members } from '../seed/demo-network';
import { createThread, replyToThread } from './writes';

/** Demo forum: the workshop themes as categories, a handful of plausible threads. */
const everyone: Role[] = ['alumni', 'moderator', 'organiser'];
const withSupervisors: Role[] = [...everyone, 'supervisor'];

const categories = [
	[
		'organisatorische-aufstellung',
		'Organisatorische Aufstellung der Rolle',
		'Stabsstelle, Amt oder Projektgruppe: wo die Smart-City-Rolle sitzt und wie sie ausgestattet ist.',
		'#1d4f91'
	],
	[
		'verankerung-verwaltung',
		'Verankerung in der Verwaltung',
		'Rückhalt der Verwaltungsspitze, Zusammenarbeit mit Fachämtern und Gremien.',
		'#2f6b3a'
	],
	[
		'aufgabenspektrum',
		'Aufgabenspektrum der Rolle',
		'Was Smart-City-Manager:innen tatsächlich tun – und was nicht.',
		'#7a3e9d'
	],
	[
		'agiles-arbeiten',
		'Agiles Arbeiten in der Verwaltung',
		'Scrum, Kanban und Co. zwischen Haushaltsrecht und Dienstweg.',
		'#a04000'
	],
	[
		'strategie',
		'Strategie',
		'Digitalstrategien entwickeln, beschließen und fortschreiben.',
		'#00626b'
	],
	[
		'datensouveraenitaet',
		'Datensouveränität',
		'Urbane Datenplattformen, Open Data und kommunale Datenhoheit.',
		'#5b4a00'
	],
	[
		'foerdermittel',
		'Fördermittel',
		'Förderprogramme, Anträge, Eigenanteile und Verwendungsnachweise.',
		'#8a1538'
	],
	[
		'transfer-fachvorgesetzte',
		'Transfer mit Fachvorgesetzten',
		'Offen für Fachvorgesetzte: Austausch zwischen Alumni und ihren Vorgesetzten zu den Transfer-Workshops.',
		'#3d5a80'
	]
] as const;

const tags = [
	['stabsstelle', 'Stabsstelle'],
	['haushalt', 'Haushalt'],
	['open-data', 'Open Data'],
	['beteiligung', 'Bürgerbeteiligung'],
	['workshop', 'Transfer-Workshop']
] as const;

interface DemoThread {
	category: string;
	author: string;
	title: string;
	tags: string[];
	body: string;
	replies: [string, string][];
}

const threads: DemoThread[] = [
	{
		category: 'organisatorische-aufstellung',
		author: 'anna.schulze',
		title: 'Stabsstelle beim Bürgermeister oder eigenes Sachgebiet?',
		tags: ['stabsstelle'],
		body: 'Bei uns in Bad Belzig sitze ich als **Stabsstelle** direkt beim Bürgermeister. Das hilft bei der Durchsetzung, aber mir fehlt der Unterbau.\n\nWie habt ihr das gelöst?\n\n- Stabsstelle\n- Sachgebiet im Hauptamt\n- Eigenes Amt',
		replies: [
			[
				'jonas.becker',
				'In Bernau sind wir ein Sachgebiet im Hauptamt mit zwei Stellen. Der Weg zur Verwaltungsspitze ist länger, dafür haben wir Personalverantwortung.'
			],
			[
				'miriam.krueger',
				'Wir haben mit der Stabsstelle angefangen und nach einem Jahr ein kleines Team daraus gemacht. Wichtig war ein klarer Auftrag im **Stadtverordnetenbeschluss**.'
			],
			[
				'anna.schulze',
				'@miriam.krueger Danke! Hast du den Beschlusstext noch? Das würde mir für die nächste Sitzung helfen.'
			]
		]
	},
	{
		category: 'verankerung-verwaltung',
		author: 'tobias.lehmann',
		title: 'Wie holt ihr die Fachämter ins Boot?',
		tags: [],
		body: 'Die Fachämter sehen Smart City oft als „IT-Thema“. Was hat bei euch geholfen, damit die Ämter selbst Projekte einbringen?',
		replies: [
			[
				'sabine.wolff',
				'Monatliche offene Sprechstunde und ein kleines Budget für Pilotideen aus den Ämtern. Seitdem kommen die Ideen von selbst.'
			],
			[
				'florian.neumann',
				'Bei uns: eine Steuerungsgruppe mit allen Amtsleitungen, die quartalsweise tagt. Klingt bürokratisch, schafft aber Verbindlichkeit.'
			]
		]
	},
	{
		category: 'agiles-arbeiten',
		author: 'katrin.hoffmann',
		title: 'Kanban-Board im Rathaus – Erfahrungen?',
		tags: [],
		body: 'Wir testen ein Kanban-Board für das Smart-City-Team.\n\n| Spalte | WIP-Limit |\n|---|---|\n| Ideen | – |\n| In Arbeit | 3 |\n| Abnahme | 2 |\n\nWie bindet ihr Kolleg:innen ein, die nicht im Team sind?',
		replies: [
			[
				'matthias.richter',
				'Wir hängen das Board physisch im Flur auf. Das sorgt für erstaunlich viele Gespräche an der Kaffeemaschine.'
			]
		]
	},
	{
		category: 'datensouveraenitaet',
		author: 'julia.schroeder',
		title: 'Urbane Datenplattform: selbst betreiben oder Dienstleister?',
		tags: ['open-data'],
		body: 'Wir stehen vor der Entscheidung, ob wir eine **urbane Datenplattform** selbst betreiben oder über den kommunalen IT-Dienstleister beziehen. Welche Kriterien waren für euch entscheidend?',
		replies: [
			[
				'stefan.braun',
				'Für uns: Datenhoheit vertraglich sichern (Exportformate, Exit-Strategie) und offene Schnittstellen. Der Betrieb selbst ist beim Dienstleister gut aufgehoben.'
			],
			['julia.schroeder', 'Danke, die Exit-Strategie hatte ich noch nicht auf dem Zettel.']
		]
	},
	{
		category: 'foerdermittel',
		author: 'nadine.zimmermann',
		title: 'Eigenanteil bei Förderanträgen im Haushalt absichern',
		tags: ['haushalt'],
		body: 'Wie sichert ihr den Eigenanteil für Förderanträge ab, wenn der Haushalt erst nach der Antragsfrist beschlossen wird?',
		replies: [
			[
				'christian.hartmann',
				'Wir arbeiten mit einem Vorratsbeschluss für Fördervorhaben bis zu einer Summe X. Das hat uns schon zweimal gerettet.'
			]
		]
	},
	{
		category: 'transfer-fachvorgesetzte',
		author: 'moderation',
		title: 'Nachlese zum 2. Transfer-Workshop',
		tags: ['workshop'],
		body: 'Liebe Alumni, liebe Fachvorgesetzte,\n\nhier sammeln wir Fragen und Eindrücke aus dem 2. Transfer-Workshop am 29. September 2022. Was nehmen Sie für die Aufstellung der Rolle in Ihrer Verwaltung mit?',
		replies: [
			[
				'petra.lange',
				'Für mich als Fachvorgesetzte war wertvoll zu sehen, wie unterschiedlich die Rolle verankert ist. Wir prüfen jetzt eine Stabsstelle.'
			],
			['anna.schulze', 'Mir hat der Austausch zur Priorisierung der Aufgaben am meisten gebracht.']
		]
	}
];

export async function seedForum(ctx: { memberIds: Map<string, string> }): Promise<void> {
	for (const [i, [slug, name, description, colour]] of categories.entries()) {
		const rules = slug === 'transfer-fachvorgesetzte' ? withSupervisors : everyone;
		await ForumCategory.updateOne(
			{ slug },
			{
				$setOnInsert: {
					slug,
					name,
					description,
					colour,
					order: (i + 1) * 10,
					readRoles: rules,
					postRoles: rules
				}
			},
			{ upsert: true }
		);
	}
	for (const [slug, name] of tags)
		await ForumTag.updateOne({ slug }, { $setOnInsert: { slug, name } }, { upsert: true });

	const actorOf = (handle: string): Actor | null => {
		const demo = members.find((m) => m.email.startsWith(`${handle}@`));
		const id = demo && ctx.memberIds.get(demo.email);
		return demo && id ? { id, roles: demo.roles, cohortIds: [] } : null;
	};
	for (const thread of threads) {
		if (await ForumThread.exists({ title: thread.title })) continue;
		const category = await ForumCategory.findOne({ slug: thread.category }, { _id: 1 }).lean();
		const author = actorOf(thread.author);
		if (!category || !author) continue;
		const created = await createThread(author, {
			categoryId: category._id.toString(),
			title: thread.title,
			body: thread.body,
			tags: thread.tags
		});
		if (!created.ok) throw new Error(`Demo thread refused: ${created.failure.code}`);
		const { threadId } = created.value;
		for (const [handle, body] of thread.replies) {
			const replier = actorOf(handle);
			if (replier) await replyToThread(replier, { threadId, body });
		}
	}
}
