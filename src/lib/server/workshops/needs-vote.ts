import { trusted, type Types } from 'mongoose';
import { record } from '../audit';
import { can, type Actor, type NeedVoteResource } from '../auth/permissions';
import { isDuplicateKeyError } from '../db/errors';
import { isObjectId, oid } from '../db/ids';
import { Need, NeedDot, NeedVote, WorkshopRegistration } from '../db/models';
import { ok, refused, type Result } from '../result';
import { loadWorkshopFor, type LoadedWorkshop } from './access';
import { needCards, needsOf, type NeedCardDto, type NeedLean } from './needs';

type VoteLean = {
	_id: Types.ObjectId;
	state: 'open' | 'closed';
	dotsPerVoter: number;
	maxPerCard: number;
};
type DotLean = { needId: Types.ObjectId; voterId: Types.ObjectId; voterRole: string };

/** One card of the ranking after the vote closed; `tied` when another card has as many dots. */
export interface RankedNeedDto {
	id: string;
	title: string;
	rank: number;
	tied: boolean;
	total: number;
	alumni: number;
	supervisors: number;
}

/**
 * The vote as one member may see it. While the vote is open nobody gets totals: a voter sees
 * their own dots, an organiser how many of the voters have voted; the ranking exists only once
 * the vote is closed.
 */
export interface VoteDto {
	state: 'none' | 'open' | 'closed';
	dotsPerVoter: number;
	maxPerCard: number;
	mayVote: boolean;
	mayRun: boolean;
	/** The actor's own dots per card id, and how many they have left (voters only). */
	mine: Record<string, number>;
	dotsLeft: number;
	/** "x von y haben abgestimmt", for organisers. */
	progress: { voted: number; voters: number } | null;
	results: RankedNeedDto[] | null;
}

export interface NeedsPageDto {
	workshop: { id: string; number: number | null; title: string };
	needs: NeedCardDto[];
	vote: VoteDto;
	flags: { mayManage: boolean };
}

export const defaultDotsPerVoter = 5;
export const defaultMaxPerCard = 3;

const voteOf = (workshopId: Types.ObjectId) => NeedVote.findOne({ workshopId }).lean<VoteLean>();

const voteResource = (loaded: LoadedWorkshop, vote: VoteLean | null): NeedVoteResource => ({
	...loaded.resource,
	voteOpen: vote?.state === 'open'
});

/**
 * Who may vote in this workshop now: alumni on the roster who have not declined, and
 * supervisors while their access lasts (the rule `need:vote` asks the same of each voter).
 */
async function eligibleVoterIds(loaded: LoadedWorkshop): Promise<Types.ObjectId[]> {
	const rows = await WorkshopRegistration.find(
		{ workshopId: loaded.workshop._id, role: trusted({ $in: ['participant', 'supervisor'] }) },
		{ memberId: 1, role: 1, answer: 1 }
	)
		.limit(2000)
		.lean();
	return rows
		.filter((r) =>
			r.role === 'participant' ? r.answer !== 'no' : !loaded.resource.guestAccessEnded
		)
		.map((r) => r.memberId);
}

async function progressOf(loaded: LoadedWorkshop) {
	const voters = await eligibleVoterIds(loaded);
	const voted = new Set(
		(await NeedDot.distinct('voterId', { workshopId: loaded.workshop._id })).map(String)
	);
	return { voted: voters.filter((id) => voted.has(id.toString())).length, voters: voters.length };
}

/** Dots per card, split by the voter's role, ranked; equal totals share a rank and are marked. */
function rankingOf(needs: NeedLean[], dots: DotLean[]): RankedNeedDto[] {
	const rows = needs.map((n) => {
		const own = dots.filter((d) => d.needId.equals(n._id));
		const alumni = own.filter((d) => d.voterRole === 'participant').length;
		return {
			id: n._id.toString(),
			title: n.title,
			total: own.length,
			alumni,
			supervisors: own.length - alumni
		};
	});
	rows.sort((a, b) => b.total - a.total);
	return rows.map((r) => ({
		...r,
		rank: 1 + rows.filter((o) => o.total > r.total).length,
		tied: rows.some((o) => o !== r && o.total === r.total)
	}));
}

/**
 * The workshop's cards for its summary and follow-up: ranked by the closed vote, or in the
 * order they were written while no vote has closed (no totals exist before that).
 */
export async function needsForSummary(
	workshopId: Types.ObjectId
): Promise<{ need: NeedLean; ranked: RankedNeedDto | null }[]> {
	const [needs, vote] = await Promise.all([needsOf(workshopId), voteOf(workshopId)]);
	if (vote?.state !== 'closed') return needs.map((need) => ({ need, ranked: null }));
	const dots = await NeedDot.find({ workshopId }, { needId: 1, voterId: 1, voterRole: 1 })
		.limit(50_000)
		.lean<DotLean[]>();
	const byId = new Map(needs.map((n) => [n._id.toString(), n]));
	return rankingOf(needs, dots).map((ranked) => ({ need: byId.get(ranked.id)!, ranked }));
}

async function voteDtoFor(
	actor: Actor,
	loaded: LoadedWorkshop,
	vote: VoteLean | null,
	needs: NeedLean[]
): Promise<VoteDto> {
	const mayRun = can(actor, 'need:run-vote', loaded.resource);
	const mayVote = can(actor, 'need:vote', voteResource(loaded, vote));
	const onVoterRoster = loaded.entry?.role === 'participant' || loaded.entry?.role === 'supervisor';
	const ownDots =
		vote && onVoterRoster
			? await NeedDot.find(
					{ workshopId: loaded.workshop._id, voterId: oid(actor.id) },
					{ needId: 1 }
				).lean()
			: [];
	const mine: Record<string, number> = {};
	for (const d of ownDots) mine[d.needId.toString()] = (mine[d.needId.toString()] ?? 0) + 1;
	const closed = vote?.state === 'closed';
	const dots = closed
		? await NeedDot.find(
				{ workshopId: loaded.workshop._id },
				{ needId: 1, voterId: 1, voterRole: 1 }
			)
				.limit(50_000)
				.lean<DotLean[]>()
		: [];
	return {
		state: vote?.state ?? 'none',
		dotsPerVoter: vote?.dotsPerVoter ?? defaultDotsPerVoter,
		maxPerCard: vote?.maxPerCard ?? defaultMaxPerCard,
		mayVote,
		mayRun,
		mine,
		dotsLeft: vote ? Math.max(0, vote.dotsPerVoter - ownDots.length) : 0,
		progress: mayRun && vote ? await progressOf(loaded) : null,
		// Totals exist only after the vote closed: before, they are never even computed.
		results: closed ? rankingOf(needs, dots) : null
	};
}

/** The workshop's need cards with the vote as the actor may see it. */
export async function getNeedsPage(
	actor: Actor,
	workshopId: string
): Promise<Result<NeedsPageDto>> {
	const loaded = await loadWorkshopFor(actor, workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	const { workshop } = loaded.value;
	const [needs, vote] = await Promise.all([needsOf(workshop._id), voteOf(workshop._id)]);
	return ok({
		workshop: { id: workshopId, number: workshop.number ?? null, title: workshop.title },
		needs: await needCards(needs),
		vote: await voteDtoFor(actor, loaded.value, vote, needs),
		flags: { mayManage: can(actor, 'need:manage', loaded.value.resource) }
	});
}

/**
 * An organiser opens the vote with N dots per voter and a maximum per card, or reopens a closed
 * one (with its dots and its limits: a voter's dots must stay within the limits they were given
 * under); audited either way.
 */
export async function openVote(
	actor: Actor,
	input: { workshopId: string; dotsPerVoter: number; maxPerCard: number }
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	if (!can(actor, 'need:run-vote', loaded.value.resource)) return refused('forbidden');
	const workshopId = loaded.value.workshop._id;
	const vote = await voteOf(workshopId);
	if (vote?.state === 'open') return refused('conflict', 'needs.errors.voteAlreadyOpen');
	if (input.maxPerCard > input.dotsPerVoter)
		return refused('invalid', 'needs.errors.maxAboveDots', 'maxPerCard');
	if (vote)
		await NeedVote.updateOne({ _id: vote._id }, { $set: { state: 'open', closedAt: null } });
	else
		try {
			await NeedVote.create({
				workshopId,
				state: 'open',
				dotsPerVoter: input.dotsPerVoter,
				maxPerCard: input.maxPerCard,
				openedAt: new Date()
			});
		} catch (err) {
			if (isDuplicateKeyError(err)) return refused('conflict', 'needs.errors.voteAlreadyOpen');
			throw err;
		}
	await record({
		actorId: actor.id,
		action: vote ? 'need.vote-reopen' : 'need.vote-open',
		targetType: 'workshop',
		targetId: input.workshopId,
		summary: loaded.value.workshop.title,
		details: vote
			? { dotsPerVoter: vote.dotsPerVoter, maxPerCard: vote.maxPerCard }
			: { dotsPerVoter: input.dotsPerVoter, maxPerCard: input.maxPerCard }
	});
	return ok(null);
}

/** An organiser closes the vote: the ranking shows from now on; audited. */
export async function closeVote(
	actor: Actor,
	input: { workshopId: string }
): Promise<Result<null>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	if (!can(actor, 'need:run-vote', loaded.value.resource)) return refused('forbidden');
	const closed = await NeedVote.updateOne(
		{ workshopId: loaded.value.workshop._id, state: 'open' },
		{ $set: { state: 'closed', closedAt: new Date() } }
	);
	if (closed.matchedCount === 0) return refused('conflict', 'needs.errors.voteNotOpen');
	await record({
		actorId: actor.id,
		action: 'need.vote-close',
		targetType: 'workshop',
		targetId: input.workshopId,
		summary: loaded.value.workshop.title
	});
	return ok(null);
}

/** What a voter learns after a dot: their own dots on the card and overall, never a total. */
export interface DotCast {
	needId: string;
	mine: number;
	dotsLeft: number;
}

const freeNumber = (taken: number[], limit: number) => {
	for (let n = 1; n <= limit; n++) if (!taken.includes(n)) return n;
	return null;
};

/**
 * A voter puts one dot on a card (+1) or takes one back (-1). The roster, the voter's access and
 * the open vote are checked on every call. A new dot takes a free number among the voter's
 * 1..N and among their 1..max on the card; the unique indexes refuse a number taken by a
 * parallel request, which then looks again, so no race lets a voter exceed either limit.
 */
export async function castDot(
	actor: Actor,
	input: { workshopId: string; needId: string; by: number }
): Promise<Result<DotCast>> {
	const loaded = await loadWorkshopFor(actor, input.workshopId, 'workshop:view');
	if (!loaded.ok) return loaded;
	const { workshop, entry } = loaded.value;
	const vote = await voteOf(workshop._id);
	if (!can(actor, 'need:vote', voteResource(loaded.value, vote)))
		return refused('forbidden', vote?.state === 'open' ? undefined : 'needs.errors.voteNotOpen');
	if (!isObjectId(input.needId)) return refused('not_found');
	const need = await Need.exists({
		_id: oid(input.needId),
		workshopId: workshop._id,
		mergedInto: null
	});
	if (!need) return refused('not_found');
	const voter = { workshopId: workshop._id, voterId: oid(actor.id) };
	const onCard = { ...voter, needId: need._id };
	if (input.by < 0) {
		await NeedDot.findOneAndDelete(onCard, { sort: { cardSlot: -1 } });
	} else {
		for (let attempt = 0; ; attempt++) {
			const mine = await NeedDot.find(voter, { needId: 1, slot: 1, cardSlot: 1 }).lean();
			const slot = freeNumber(
				mine.map((d) => d.slot),
				vote!.dotsPerVoter
			);
			if (slot === null) return refused('conflict', 'needs.errors.noDotsLeft');
			const cardSlot = freeNumber(
				mine.filter((d) => d.needId.equals(need._id)).map((d) => d.cardSlot),
				vote!.maxPerCard
			);
			if (cardSlot === null) return refused('conflict', 'needs.errors.cardFull');
			try {
				await NeedDot.create({ ...onCard, voterRole: entry!.role, slot, cardSlot });
				break;
			} catch (err) {
				// A parallel request took this number: read again. Each retry follows another
				// request's dot, so the limits end the loop; the bound only guards against a bug.
				if (!isDuplicateKeyError(err) || attempt >= vote!.dotsPerVoter * 2 + 4) throw err;
			}
		}
	}
	const mine = await NeedDot.find(voter, { needId: 1 }).lean();
	return ok({
		needId: input.needId,
		mine: mine.filter((d) => d.needId.equals(need._id)).length,
		dotsLeft: Math.max(0, vote!.dotsPerVoter - mine.length)
	});
}
