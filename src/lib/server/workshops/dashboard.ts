import { can, isNetworkMember, type Actor } from '../auth/permissions';
import { loadWorkshopFor } from './access';
import { listWorkshops, type WorkshopSummaryDto } from './page';

export interface WorkshopDashboardDto {
	/** "Mein nächster Workshop": the next one I am on or may still register for. */
	next: WorkshopSummaryDto | null;
	/** Guests (supervisors, observers) see their workshops first: all they still have access to. */
	mine: WorkshopSummaryDto[] | null;
}

/**
 * Mine when I answered yes or maybe, hold a seat or a place on the waiting list, or was put on
 * the roster as organiser or guest; open to me when I may still register. Declined is neither.
 */
async function isMineOrOpen(actor: Actor, w: WorkshopSummaryDto, now: Date): Promise<boolean> {
	if (w.state !== 'published' && w.state !== 'live') return false;
	if (w.myAnswer === 'no') return false;
	if (w.myAnswer || w.myStatus === 'confirmed' || w.myStatus === 'waitlisted') return true;
	const loaded = await loadWorkshopFor(actor, w.id, 'workshop:view');
	if (!loaded.ok) return false;
	const { workshop, entry, resource } = loaded.value;
	if (entry && entry.role !== 'participant') return true;
	const deadline = workshop.registrationDeadline;
	return can(actor, 'workshop:register', resource) && !(deadline && deadline < now);
}

/** The workshops part of the start page. */
export async function workshopDashboard(
	actor: Actor,
	now = new Date()
): Promise<WorkshopDashboardDto> {
	const lists = await listWorkshops(actor, now);
	if (!lists.ok) return { next: null, mine: null };
	let next: WorkshopSummaryDto | null = null;
	for (const w of lists.value.upcoming) {
		if (await isMineOrOpen(actor, w, now)) {
			next = w;
			break;
		}
	}
	const mine = isNetworkMember(actor)
		? null
		: [...lists.value.upcoming, ...lists.value.past].filter((w) => w.id !== next?.id);
	return { next, mine };
}
