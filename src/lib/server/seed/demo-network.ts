import type { Role } from '$lib/roles';

/** The demo network of SPEC.md section 7: Brandenburg cohorts 2021-2022 and a 2024 federal pilot. */

export const demoPassword = 'Netzwerk-Demo-2024';

export const municipalities = [
	['Bad Belzig', 'Potsdam-Mittelmark'],
	['Bernau bei Berlin', 'Barnim'],
	['Brandenburg an der Havel', 'kreisfreie Stadt'],
	['Eisenhüttenstadt', 'Oder-Spree'],
	['Guben', 'Spree-Neiße'],
	['Herzberg (Elster)', 'Elbe-Elster'],
	['Michendorf', 'Potsdam-Mittelmark'],
	['Perleberg/Wittenberge', 'Prignitz'],
	['Potsdam', 'kreisfreie Stadt'],
	['Rüdersdorf bei Berlin', 'Märkisch-Oderland'],
	['Schöneiche bei Berlin', 'Oder-Spree'],
	['Schwielowsee', 'Potsdam-Mittelmark'],
	['Schwedt/Oder', 'Uckermark'],
	['Senftenberg', 'Oberspreewald-Lausitz'],
	['Zossen', 'Teltow-Fläming'],
	['Cottbus', 'kreisfreie Stadt'],
	['Frankfurt (Oder)', 'kreisfreie Stadt'],
	['Eberswalde', 'Barnim'],
	['Neuruppin', 'Ostprignitz-Ruppin'],
	['Fürstenwalde/Spree', 'Oder-Spree']
].map(([name, district]) => ({ name: name!, district: district!, state: 'Brandenburg' }));

export const federalMunicipalities = [
	{ name: 'Lemgo', district: 'Lippe', state: 'Nordrhein-Westfalen' },
	{ name: 'Jena', district: 'kreisfreie Stadt', state: 'Thüringen' },
	{ name: 'Ulm', district: 'kreisfreie Stadt', state: 'Baden-Württemberg' },
	{ name: 'Kiel', district: 'kreisfreie Stadt', state: 'Schleswig-Holstein' },
	{ name: 'Wolfsburg', district: 'kreisfreie Stadt', state: 'Niedersachsen' },
	{ name: 'Regensburg', district: 'kreisfreie Stadt', state: 'Bayern' }
];

export const cohorts = [
	{
		key: 'bb1',
		name: 'Durchgang 1 Brandenburg',
		programme: 'brandenburg',
		startsOn: '2021-12-01',
		endsOn: '2022-06-30'
	},
	{
		key: 'bb2',
		name: 'Durchgang 2 Brandenburg',
		programme: 'brandenburg',
		startsOn: '2022-03-01',
		endsOn: '2022-09-30'
	},
	{
		key: 'bb3',
		name: 'Durchgang 3 Brandenburg',
		programme: 'brandenburg',
		startsOn: '2022-06-01',
		endsOn: '2022-12-15'
	},
	{
		key: 'bund1',
		name: 'Bundesweiter Pilotdurchgang 2024',
		programme: 'federal',
		startsOn: '2024-05-06',
		endsOn: '2024-12-13'
	}
] as const;

export type CohortKey = (typeof cohorts)[number]['key'];

interface DemoMember {
	name: string;
	email: string;
	roles: Role[];
	municipality?: string;
	cohorts?: CohortKey[];
	jobTitle?: string;
	topics?: string[];
	bio?: string;
}

const first = [
	'Anna Schulze',
	'Jonas Becker',
	'Miriam Krüger',
	'Tobias Lehmann',
	'Sabine Wolff',
	'Florian Neumann',
	'Katrin Hoffmann',
	'Matthias Richter',
	'Julia Schröder',
	'Stefan Braun',
	'Nadine Zimmermann',
	'Christian Hartmann',
	'Lena Köhler',
	'Daniel Fuchs',
	'Ines Vogel'
];
const topicsPool = [
	'Datensouveränität',
	'Agiles Arbeiten',
	'Fördermittel',
	'Strategie',
	'Bürgerbeteiligung',
	'Open Data',
	'Mobilität',
	'Verwaltungsdigitalisierung',
	'Change Management'
];

function emailOf(name: string) {
	return (
		name
			.toLowerCase()
			.replace(/ä/g, 'ae')
			.replace(/ö/g, 'oe')
			.replace(/ü/g, 'ue')
			.replace(/ß/g, 'ss')
			.replace(/\s+/g, '.') + '@netzwerk.example'
	);
}

const cohortOneMembers: DemoMember[] = first.map((name, i) => ({
	name,
	email: emailOf(name),
	roles: ['alumni'],
	municipality: municipalities[i]!.name,
	cohorts: ['bb1'],
	jobTitle: 'Smart-City-Manager:in',
	topics: [topicsPool[i % topicsPool.length]!, topicsPool[(i + 3) % topicsPool.length]!],
	bio: `Seit 2021 für die digitale Stadtentwicklung in ${municipalities[i]!.name} zuständig.`
}));

const later: Array<[string, string, CohortKey]> = [
	['Paul Schubert', 'Cottbus', 'bb2'],
	['Maria Engel', 'Frankfurt (Oder)', 'bb2'],
	['Oliver Seidel', 'Eberswalde', 'bb2'],
	['Svenja Lorenz', 'Neuruppin', 'bb3'],
	['Marco Winter', 'Fürstenwalde/Spree', 'bb3'],
	['Heike Brandt', 'Potsdam', 'bb3'],
	['Lukas Weber', 'Lemgo', 'bund1'],
	['Eva Haas', 'Jena', 'bund1'],
	['Simon Keller', 'Ulm', 'bund1'],
	['Clara Jansen', 'Kiel', 'bund1'],
	['Felix Busch', 'Wolfsburg', 'bund1'],
	['Theresa Huber', 'Regensburg', 'bund1']
];

export const members: DemoMember[] = [
	{
		name: 'Admin Netzwerk',
		email: 'admin@netzwerk.example',
		roles: ['admin'],
		jobTitle: 'Plattformbetrieb'
	},
	{
		name: 'Ole Organisator',
		email: 'organisation@netzwerk.example',
		roles: ['organiser'],
		jobTitle: 'Transferstelle'
	},
	{
		name: 'Mona Moderatorin',
		email: 'moderation@netzwerk.example',
		roles: ['moderator', 'alumni'],
		municipality: 'Potsdam',
		cohorts: ['bb1'],
		jobTitle: 'Moderation Forum'
	},
	...cohortOneMembers,
	...later.map(([name, municipality, cohort], i) => ({
		name,
		email: emailOf(name),
		roles: ['alumni'] as DemoMember['roles'],
		municipality,
		cohorts: [cohort],
		jobTitle: 'Smart-City-Manager:in',
		topics: [topicsPool[(i + 1) % topicsPool.length]!]
	})),
	{
		name: 'Dr. Petra Lange',
		email: 'petra.lange@netzwerk.example',
		roles: ['supervisor'],
		municipality: 'Bad Belzig',
		jobTitle: 'Fachbereichsleiterin Stadtentwicklung'
	},
	{
		name: 'Katrin Sommer',
		email: 'kts@netzwerk.example',
		roles: ['observer'],
		jobTitle: 'Koordinierungs- und Transferstelle Modellprojekte Smart Cities (KTS)'
	},
	{
		name: 'Günter Roth',
		email: 'guenter.roth@netzwerk.example',
		roles: ['supervisor'],
		municipality: 'Zossen',
		jobTitle: 'Bürgermeister'
	}
];
