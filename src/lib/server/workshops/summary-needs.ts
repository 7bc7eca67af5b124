/**
 * The workshop's ranked needs as the summary and the follow-up workshop take them. The need
 * cards and the dot vote live in the needs module; it fills this function when it lands (until
 * then a workshop has no ranked needs, and both sections say "Keine.").
 */
export interface RankedNeed {
	title: string;
	/** The municipality's name, "mehrere", or '' when none. */
	municipality: string;
	dots: number;
	/** True when it shares its rank with another need. */
	tie: boolean;
	/** The agenda item it came from, when it came from one (Chatham House per item). */
	itemId?: string | null;
}

/** The closed dot vote's ranking, best first; empty until the needs module provides it. */
export async function rankedNeedsForSummary(_workshopId: string): Promise<RankedNeed[]> {
	return [];
}
