import type { NeedStatus } from '$lib/workshops';
import { oid } from '../db/ids';
import { municipalityNames } from './needs';
import { needsForSummary } from './needs-vote';

/** The workshop's needs as the summary and the follow-up workshop take them. */
export interface RankedNeed {
	title: string;
	/** The municipality's name, "mehrere", or '' when none. */
	municipality: string;
	dots: number;
	/** True when it shares its rank with another need. */
	tie: boolean;
	status: NeedStatus;
	/** The agenda item it came from, when it came from one (Chatham House per item). */
	itemId?: string | null;
}

/**
 * The workshop's need cards, best first once the dot vote has closed (before that in the order
 * they were written, without dots); discarded cards are left out.
 */
export async function rankedNeedsForSummary(workshopId: string): Promise<RankedNeed[]> {
	const rows = (await needsForSummary(oid(workshopId))).filter(
		({ need }) => need.status !== 'discarded'
	);
	const names = await municipalityNames(rows.map(({ need }) => need.municipalityId));
	return rows.map(({ need, ranked }) => ({
		title: need.title,
		municipality: need.municipalityId
			? (names.get(need.municipalityId.toString()) ?? '')
			: 'mehrere',
		dots: ranked?.total ?? 0,
		tie: ranked?.tied ?? false,
		status: need.status,
		itemId: need.sources.find((s) => s.itemId)?.itemId?.toString() ?? null
	}));
}
