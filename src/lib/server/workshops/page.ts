import type { Types } from 'mongoose';
import { trusted } from 'mongoose';
import type { AgendaItemFields, RsvpAnswer, WorkshopFormat } from '$lib/workshops';
import { can, type Actor } from '../auth/permissions';
import { Cohort, Member, Municipality, WorkshopRegistration } from '../db/models';
import { ok, type Result } from '../result';
import { loadWorkshopFor, visibleWorkshops, type RosterEntry, type WorkshopLean } from './access';
import { nextStates, type WorkshopState } from './lifecycle';
import { myRegistration, type MyRegistrationDto } from './registration';
import { seatsShown } from './cached';
import { workshopFormValues } from './form-values';
import { materialsOf, type MaterialsDto } from './materials';
import { ensureWorkshopChannel, workshopChannelSlug } from './channel';
import { hasTandem } from './guests';
import type { WorkshopLiveDto, WorkshopNoteDto } from '$lib/realtime/events';
import { liveOf } from './live-room';
import { notesOf } from './notes';
import { outcomesOf, type OutcomeDto } from './outcomes';
import { anyConfidential, disclosureFor, inLiveView } from './confidential';
import type { Locale } from '$lib/i18n';

export interface WorkshopSummaryDto {
	id: string;
	number: number | null;
	title: string;
	startsAt: string;
	endsAt: string;
	timeZone: string;
	format: WorkshopFormat;
	state: WorkshopState;
	capacity: number;
	seatsTaken: number;
	myAnswer: RsvpAnswer | null;
	myStatus: 'confirmed' | 'waitlisted' | 'none' | null;
}

export interface ParticipantDto {
	id: string;
	displayName: string;
	municipality: string | null;
	role: 'participant' | 'supervisor' | 'observer' | 'organiser';
	status: 'confirmed' | 'waitlisted' | 'none';
	noteTaker: boolean;
	attended: boolean | null;
}

export interface AgendaItemDto extends Omit<AgendaItemFields, 'description'> {
	id: string;
	confidential: boolean;
	nameMunicipality: boolean;
	/** Derived from the workshop's start and the durations before it. */
	startsAt: string;
}

export interface WorkshopPageDto extends WorkshopSummaryDto {
	agenda: AgendaItemDto[];
	/** Minutes the agenda runs past the workshop's end (0 when it fits). */
	agendaOverrunMinutes: number;
	descriptionHtml: string;
	onlineUrl: string | null;
	address: string;
	supervisorSeats: number;
	registrationDeadline: string | null;
	deadlinePassed: boolean;
	audience: { id: string; name: string }[];
	organisers: string[];
	waitlistCount: number;
	my: MyRegistrationDto;
	/** The roster, for those who may see it; null otherwise. */
	participants: ParticipantDto[] | null;
	/** Files and links, for those who see the roster; null otherwise. */
	materials: MaterialsDto | null;
	/** Where the workshop's channel opens, for those who may read it; null otherwise. */
	chatHref: string | null;
	/** The notes per agenda item id, for those who may read them; null otherwise. */
	notes: Record<string, WorkshopNoteDto> | null;
	/** Decisions, information and follow-ups, for those who read the notes. */
	outcomes: OutcomeDto[] | null;
	/** Which item runs, while the workshop is live (for those who read the notes). */
	live: WorkshopLiveDto | null;
	myAttended: boolean | null;
	/** The needs survey, for its respondents and organisers; null otherwise. */
	surveyHref: string | null;
	/** Chatham House: the workshop's own flag, and whether any part of it is confidential. */
	confidential: { workshop: boolean; any: boolean };
	/** The forum thread with the published summary, for those who see the roster. */
	summaryThreadHref: string | null;
	flags: {
		mayWriteNotes: boolean;
		mayRunLive: boolean;
		mayCheckIn: boolean;
		mayReopenNotes: boolean;
		notesReopened: boolean;
		mayManage: boolean;
		/** Organisers take notes over as need cards. */
		mayManageNeeds: boolean;
		/** Organisers on the roster run the workshop; they do not answer the invitation. */
		organising: boolean;
		mayAnswer: boolean;
		mayInviteSupervisor: boolean;
		mayPropose: boolean;
		nextStates: WorkshopState[];
	};
}

function summaryOf(
	w: WorkshopLean,
	taken: number,
	entry: Pick<RosterEntry, 'answer' | 'status'> | null
): WorkshopSummaryDto {
	return {
		id: w._id.toString(),
		number: w.number ?? null,
		title: w.title,
		startsAt: w.startsAt.toISOString(),
		endsAt: w.endsAt.toISOString(),
		timeZone: w.timeZone,
		format: w.format as WorkshopSummaryDto['format'],
		state: w.state as WorkshopState,
		capacity: w.capacity,
		seatsTaken: taken,
		myAnswer: entry?.answer ?? null,
		myStatus: entry?.status ?? null
	};
}

export interface WorkshopLists {
	upcoming: WorkshopSummaryDto[];
	past: WorkshopSummaryDto[];
	drafts: WorkshopSummaryDto[];
}

/** The workshops the actor may see: upcoming (soonest first), past (latest first), drafts. */
export async function listWorkshops(
	actor: Actor,
	now = new Date()
): Promise<Result<WorkshopLists>> {
	const lists: WorkshopLists = { upcoming: [], past: [], drafts: [] };
	if (!can(actor, 'workshop:list')) return ok(lists);
	for (const { workshop: w, entry } of await visibleWorkshops(actor, now)) {
		const summary = summaryOf(w, await seatsShown(w._id), entry);
		if (w.state === 'draft') lists.drafts.push(summary);
		else if (w.endsAt >= now && w.state !== 'archived') lists.upcoming.push(summary);
		else lists.past.unshift(summary);
	}
	return ok(lists);
}

/** Items follow one another: each starts when the ones before it have taken their time. */
function agendaOf(w: WorkshopLean): Pick<WorkshopPageDto, 'agenda' | 'agendaOverrunMinutes'> {
	let at = w.startsAt.getTime();
	const agenda = w.agenda.map((item) => {
		const dto: AgendaItemDto = {
			id: item._id.toString(),
			kind: item.kind,
			title: item.title,
			startsAt: new Date(at).toISOString(),
			durationMinutes: item.durationMinutes,
			speaker: item.speaker,
			method: item.method,
			confidential: item.confidential ?? false,
			nameMunicipality: item.nameMunicipality ?? false
		};
		at += item.durationMinutes * 60_000;
		return dto;
	});
	return {
		agenda,
		agendaOverrunMinutes: Math.max(0, Math.round((at - w.endsAt.getTime()) / 60_000))
	};
}

async function participantsOf(workshopId: Types.ObjectId): Promise<ParticipantDto[]> {
	// Who has a seat or waits for one, and the organisers and observers, who need none.
	const all = await WorkshopRegistration.find(
		{
			workshopId,
			$or: [
				{ status: trusted({ $in: ['confirmed', 'waitlisted'] }) },
				{ role: trusted({ $in: ['organiser', 'observer'] }) }
			]
		},
		{ memberId: 1, role: 1, status: 1, noteTaker: 1, attended: 1 }
	).lean();
	const members = await Member.find(
		{ _id: trusted({ $in: all.map((r) => r.memberId) }) },
		{ displayName: 1, municipalityId: 1 }
	).lean();
	const municipalities = await Municipality.find(
		{ _id: trusted({ $in: members.map((m) => m.municipalityId).filter(Boolean) }) },
		{ name: 1 }
	).lean();
	const townOf = new Map(municipalities.map((m) => [m._id.toString(), m.name]));
	const memberOf = new Map(members.map((m) => [m._id.toString(), m]));
	return all
		.map((r) => {
			const m = memberOf.get(r.memberId.toString());
			return {
				id: r.memberId.toString(),
				displayName: m?.displayName ?? '',
				municipality: m?.municipalityId ? (townOf.get(m.municipalityId.toString()) ?? null) : null,
				role: r.role as ParticipantDto['role'],
				status: r.status as ParticipantDto['status'],
				noteTaker: r.noteTaker ?? false,
				attended: r.attended ?? null
			};
		})
		.filter((p) => p.displayName)
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
}

/** Everything the workshop page shows, with the flags the page needs; hidden ones answer 404. */
export async function getWorkshopPage(
	actor: Actor,
	id: string,
	now = new Date(),
	locale: Locale = 'de'
): Promise<Result<WorkshopPageDto>> {
	const loaded = await loadWorkshopFor(actor, id, 'workshop:view', now);
	if (!loaded.ok) return loaded;
	const { workshop: w, entry, resource } = loaded.value;
	const seesRoster = can(actor, 'workshop:view-roster', resource);
	const readsNotes = can(actor, 'workshop:read-notes', resource);
	const disclosure = await disclosureFor(w, { live: inLiveView(w, entry), locale });
	const [taken, my, cohorts, organisers, waitlistCount, participants, materials, notes, outcomes] =
		await Promise.all([
			seatsShown(w._id),
			myRegistration(w._id, actor.id),
			Cohort.find({ _id: trusted({ $in: w.audienceCohortIds }) }, { name: 1 }).lean(),
			Member.find({ _id: trusted({ $in: w.organiserIds }) }, { displayName: 1 }).lean(),
			WorkshopRegistration.countDocuments({ workshopId: w._id, status: 'waitlisted' }),
			seesRoster ? participantsOf(w._id) : Promise.resolve(null),
			materialsOf(actor, loaded.value),
			readsNotes ? notesOf(w, disclosure) : Promise.resolve(null),
			readsNotes ? outcomesOf(w, disclosure) : Promise.resolve(null)
		]);
	const open = w.state === 'published' || w.state === 'live';
	const readsChat = can(actor, 'channel:read', {
		kind: 'workshop',
		cohortId: null,
		workshop: resource
	});
	// Workshops published before channels existed get theirs on first sight.
	if (readsChat) await ensureWorkshopChannel(w);
	const mayManage = can(actor, 'workshop:manage', resource);
	return ok({
		...summaryOf(w, taken, entry),
		descriptionHtml: w.descriptionHtml,
		...agendaOf(w),
		onlineUrl: seesRoster && w.onlineUrl ? w.onlineUrl : null,
		address: w.address,
		supervisorSeats: w.supervisorSeats,
		registrationDeadline: w.registrationDeadline?.toISOString() ?? null,
		deadlinePassed: !!w.registrationDeadline && w.registrationDeadline < now,
		audience: cohorts.map((c) => ({ id: c._id.toString(), name: c.name })),
		organisers: organisers.map((o) => o.displayName),
		waitlistCount,
		my,
		participants,
		materials,
		chatHref: readsChat ? `/chat/${workshopChannelSlug(w._id.toString())}` : null,
		notes,
		outcomes,
		live: readsNotes && w.state === 'live' ? liveOf(w) : null,
		myAttended: entry?.attended ?? null,
		surveyHref: can(actor, 'survey:view', resource)
			? `/workshops/${w._id.toString()}/survey`
			: null,
		confidential: { workshop: w.confidential ?? false, any: anyConfidential(w) },
		summaryThreadHref:
			seesRoster && w.summaryThreadId ? `/forum/t/${w.summaryThreadId.toString()}` : null,
		flags: {
			mayWriteNotes: can(actor, 'workshop:write-notes', resource),
			mayRunLive: can(actor, 'workshop:run-live', resource),
			mayCheckIn: can(actor, 'workshop:check-in', resource),
			mayReopenNotes: can(actor, 'workshop:reopen-notes', resource),
			notesReopened: w.notesReopened ?? false,
			mayManage,
			mayManageNeeds: can(actor, 'need:manage', resource),
			organising: entry?.role === 'organiser',
			mayAnswer:
				entry?.role !== 'organiser' &&
				(can(actor, 'workshop:register', resource) || (open && entry !== null)),
			mayInviteSupervisor:
				can(actor, 'workshop:invite-supervisor', resource) && !(await hasTandem(w._id, actor.id)),
			mayPropose: seesRoster && w.state === 'published' && !mayManage,
			nextStates: mayManage ? [...nextStates(w.state as WorkshopState)] : []
		}
	});
}

/** The stored fields as form values, for the edit form (organisers only). */
export async function getWorkshopForEdit(
	actor: Actor,
	id: string
): Promise<Result<{ id: string; state: WorkshopState; values: Record<string, unknown> }>> {
	const loaded = await loadWorkshopFor(actor, id, 'workshop:manage');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	return ok({ id, state: workshop.state as WorkshopState, values: workshopFormValues(workshop) });
}
