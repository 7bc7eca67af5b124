import { Types } from 'mongoose';
import { zonedToInstant } from '$lib/time-zone';
import { workshopTimeZone } from '$lib/schemas/workshops';
import { Workshop, WorkshopMaterial, WorkshopRegistration } from '../db/models';
import { renderMarkdown } from '../markdown';
import type { SeedContext } from '../seed';
import { ensureWorkshopChannel } from './channel';
import { seedWorkshopResults } from './seed-results';
import { takeSeat } from './seats';

/**
 * Demo workshops: the real "2. Transfer-Workshop" of 29 September 2022 (closed; alumni of
 * cohorts 1 and 2 with their supervisors) and an upcoming third one, open for registration,
 * with a supervisor tandem and a waiting list. Matched by number, so seeding twice adds nothing.
 */

type Entry = [
	email: string,
	role: 'participant' | 'supervisor' | 'observer' | 'organiser',
	status: 'confirmed' | 'waitlisted' | 'none',
	tandemOf?: string
];

const secondAgenda = [
	['section', 'Ankommen', 0, '', 'input'],
	['item', 'Begrüßung und Ziele des Tages', 15, 'Ministerium und Digitalagentur', 'input'],
	['section', 'Die Rolle in der Verwaltung', 0, '', 'input'],
	['item', 'Organisatorische Aufstellung der Rolle', 45, '', 'discussion'],
	['item', 'Verankerung in der Verwaltung', 45, '', 'world-cafe'],
	['item', 'Mittagspause', 45, '', 'break'],
	['item', 'Aufgabenspektrum der Smart-City-Manager:innen', 45, '', 'discussion'],
	['item', 'Agiles Arbeiten in der Verwaltung', 45, '', 'world-cafe'],
	['section', 'Ausblick', 0, '', 'input'],
	[
		'item',
		'Weitere kommunale Bedarfe sammeln',
		30,
		'Koordinierungs- und Transferstelle (KTS)',
		'vote'
	]
] as const;

const thirdAgenda = [
	['item', 'Begrüßung', 15, 'Ole Organisator', 'input'],
	['item', 'Agile Methoden im Haushaltsjahr: Erfahrungen aus drei Kommunen', 60, '', 'input'],
	['item', 'Pause', 15, '', 'break'],
	['item', 'Kanban für Fachämter: Werkstatt', 60, '', 'world-cafe'],
	['item', 'Priorisierung der nächsten Bedarfe', 30, '', 'vote']
] as const;

const agendaOf = (items: typeof secondAgenda | typeof thirdAgenda) =>
	items.map(([kind, title, durationMinutes, speaker, method]) => ({
		kind,
		title,
		durationMinutes,
		speaker,
		method
	}));

/** A day from now, in Berlin, so the demo always has an upcoming workshop. */
function inDays(days: number, time: string): Date {
	const day = new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
	return zonedToInstant(day, time, workshopTimeZone);
}

async function ensureWorkshop(
	ctx: SeedContext,
	fields: Record<string, unknown> & { number: number; descriptionSource: string },
	roster: Entry[],
	/** Links among its materials: title and https address. */
	materials?: [string, string][]
) {
	if (await Workshop.exists({ number: fields.number })) return;
	const organiser = new Types.ObjectId(ctx.memberIds.get('organisation@netzwerk.example')!);
	const workshop = await Workshop.create({
		...fields,
		descriptionHtml: renderMarkdown(fields.descriptionSource),
		organiserIds: [organiser],
		createdBy: organiser
	});
	const seatPlan = { capacity: workshop.capacity, supervisorSeats: workshop.supervisorSeats };
	let waitlistedAt = Date.now();
	for (const [email, role, status, tandemOf] of roster) {
		const memberId = new Types.ObjectId(ctx.memberIds.get(email)!);
		await WorkshopRegistration.create({
			workshopId: workshop._id,
			memberId,
			role,
			status,
			answer: status === 'none' ? null : 'yes',
			waitlistedAt: status === 'waitlisted' ? new Date(waitlistedAt++) : null,
			tandemOf: tandemOf ? new Types.ObjectId(ctx.memberIds.get(tandemOf)!) : null,
			invitedBy: tandemOf ? new Types.ObjectId(ctx.memberIds.get(tandemOf)!) : null
		});
		if (status === 'confirmed')
			await takeSeat(workshop._id, memberId, seatPlan, role === 'supervisor');
	}
	if (workshop.state !== 'draft') await ensureWorkshopChannel(workshop);
	await WorkshopMaterial.insertMany(
		(materials ?? []).map(([title, url]) => ({
			workshopId: workshop._id,
			kind: 'link',
			title,
			url,
			addedBy: organiser
		}))
	);
}

export async function seedWorkshops(ctx: SeedContext): Promise<void> {
	const cohorts = (...keys: string[]) => keys.map((k) => new Types.ObjectId(ctx.cohortIds.get(k)!));
	await ensureWorkshop(
		ctx,
		{
			number: 2,
			title: 'Die Rolle der Smart-City-Manager:innen in der Verwaltung',
			descriptionSource:
				'Geschlossener Transfer-Workshop für die Alumni der Durchgänge 1 und 2 **gemeinsam mit ihren Fachvorgesetzten**. Externe Anmeldungen sind nicht möglich.\n\nThemen: organisatorische Aufstellung der Rolle, Verankerung in der Verwaltung, Aufgabenspektrum, agiles Arbeiten in der Verwaltung und die Erhebung weiterer kommunaler Bedarfe. Die Koordinierungs- und Transferstelle (KTS) nimmt als Beobachterin teil.',
			startsAt: zonedToInstant('2022-09-29', '10:00', workshopTimeZone),
			endsAt: zonedToInstant('2022-09-29', '15:30', workshopTimeZone),
			format: 'hybrid',
			onlineUrl: 'https://video.netzwerk.example/transfer-workshop-2',
			address: 'Potsdam, Staatskanzlei, Heinrich-Mann-Allee 107',
			audienceCohortIds: cohorts('bb1', 'bb2'),
			capacity: 100,
			supervisorSeats: 30,
			registrationDeadline: zonedToInstant('2022-09-22', '23:59', workshopTimeZone),
			state: 'closed',
			publishedAt: new Date('2022-08-15T08:00:00Z'),
			closedAt: new Date('2022-09-29T14:00:00Z'),
			sequence: 2,
			agenda: agendaOf(secondAgenda)
		},
		[
			['organisation@netzwerk.example', 'organiser', 'confirmed'],
			['kts@netzwerk.example', 'observer', 'none'],
			['anna.schulze@netzwerk.example', 'participant', 'confirmed'],
			['petra.lange@netzwerk.example', 'supervisor', 'confirmed', 'anna.schulze@netzwerk.example'],
			['ines.vogel@netzwerk.example', 'participant', 'confirmed'],
			['guenter.roth@netzwerk.example', 'supervisor', 'confirmed', 'ines.vogel@netzwerk.example'],
			['jonas.becker@netzwerk.example', 'participant', 'confirmed'],
			['miriam.krueger@netzwerk.example', 'participant', 'confirmed'],
			['paul.schubert@netzwerk.example', 'participant', 'confirmed'],
			['maria.engel@netzwerk.example', 'participant', 'confirmed']
		],
		[
			[
				'Folien: Die Rolle in der Verwaltung (PDF)',
				'https://dateien.netzwerk.example/tw2/folien.pdf'
			],
			['Fotoprotokoll der World-Café-Tische', 'https://dateien.netzwerk.example/tw2/fotoprotokoll'],
			[
				'Leitfaden agiles Arbeiten in Kommunen',
				'https://dateien.netzwerk.example/tw2/leitfaden-agil'
			]
		]
	);
	await ensureWorkshop(
		ctx,
		{
			number: 3,
			title: 'Agiles Arbeiten in der Verwaltung',
			descriptionSource:
				'Der dritte Transfer-Workshop vertieft das agile Arbeiten: wie Teams in Fachämtern mit Kanban und kurzen Zyklen arbeiten, ohne Haushaltsrecht und Dienstweg zu verletzen. Bringen Sie gern Ihre Fachvorgesetzte oder Ihren Fachvorgesetzten mit.',
			startsAt: inDays(21, '10:00'),
			endsAt: inDays(21, '13:00'),
			format: 'online',
			onlineUrl: 'https://video.netzwerk.example/transfer-workshop-3',
			address: '',
			audienceCohortIds: cohorts('bb1', 'bb2', 'bb3'),
			capacity: 6,
			supervisorSeats: 1,
			registrationDeadline: inDays(14, '23:59'),
			state: 'published',
			publishedAt: new Date(),
			agenda: agendaOf(thirdAgenda)
		},
		[
			['organisation@netzwerk.example', 'organiser', 'none'],
			['kts@netzwerk.example', 'observer', 'none'],
			['anna.schulze@netzwerk.example', 'participant', 'confirmed'],
			['petra.lange@netzwerk.example', 'supervisor', 'confirmed', 'anna.schulze@netzwerk.example'],
			['jonas.becker@netzwerk.example', 'participant', 'confirmed'],
			['paul.schubert@netzwerk.example', 'participant', 'confirmed'],
			['svenja.lorenz@netzwerk.example', 'participant', 'confirmed'],
			['miriam.krueger@netzwerk.example', 'participant', 'confirmed'],
			['tobias.lehmann@netzwerk.example', 'participant', 'waitlisted'],
			['marco.winter@netzwerk.example', 'participant', 'waitlisted']
		]
	);
	await seedWorkshopResults(ctx);
}
