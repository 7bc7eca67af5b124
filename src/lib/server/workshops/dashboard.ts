import { can, isNetworkMember, type Actor } from '../auth/permissions';
import { resourceOf, visibleWorkshops, type RosterEntry, type WorkshopLean } from './access';
import { listWorkshops, type WorkshopSummaryDto } from './page';

export interface WorkshopDashboardDto {
	/** "Mein nächster Workshop": the next one I am on or may still register for. */
	next: WorkshopSummaryDto | null;
	/** Guests (supervisors, observers) see their workshops first: all they still have access to. */
	mine: WorkshopSummaryDto[] | null;
}

interface Visible {
	workshop: WorkshopLean;
	entry: RosterEntry | null;
}

/**
 * Mine when I answered yes or maybe, hold a seat or a place on the waiting list, or was put on
 * the roster as organiser or guest; open to me when I may still register. Declined is neither.
 */
function isMineOrOpen(
	actor: Actor,
	w: WorkshopSummaryDto,
	visible: Visible | undefined,
	now: Date
): boolean {
	if (w.state !== 'published' && w.state !== 'live') return false;
	if (w.myAnswer === 'no') return false;
	if (w.myAnswer || w.myStatus === 'confirmed' || w.myStatus === 'waitlisted') return true;
	if (!visible) return false;
	const { workshop, entry } = visible;
	if (entry && entry.role !== 'participant') return true;
	const deadline = workshop.registrationDeadline;
	return (
		can(actor, 'workshop:register', resourceOf(workshop, entry, now)) &&
		!(deadline && deadline < now)
	);
}

/**
 * The workshops part of the start page, from the cached workshop lists and roster entries (no
 * database read while they are cached); the rules are asked with the member's current rights.
 */
export async function workshopDashboard(
	actor: Actor,
	now = new Date()
): Promise<WorkshopDashboardDto> {
	const [lists, visible] = await Promise.all([
		listWorkshops(actor, now),
		visibleWorkshops(actor, now)
	]);
	if (!lists.ok) return { next: null, mine: null };
	const visibleById = new Map(visible.map((v) => [v.workshop._id.toString(), v]));
	const next =
		lists.value.upcoming.find((w) => isMineOrOpen(actor, w, visibleById.get(w.id), now)) ?? null;
	const mine = isNetworkMember(actor)
		? null
		: [...lists.value.upcoming, ...lists.value.past].filter((w) => w.id !== next?.id);
	return { next, mine };
}
