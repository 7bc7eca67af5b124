import { networkRoles, type Role } from '$lib/roles';

/**
 * The one place that answers "may this member do that?". Deny by default: an action without a
 * rule, or a missing member, is refused. Routes, form actions and socket events all ask here.
 */
export interface Actor {
	id: string;
	roles: readonly Role[];
	cohortIds: readonly string[];
}

export interface ChannelResource {
	kind: 'cohort' | 'workshop' | 'general' | 'direct';
	cohortId: string | null;
	/** Explicit members, for direct channels. */
	memberIds?: readonly string[];
	/** For a workshop channel: its workshop as the actor stands to it (looked up per call). */
	workshop?: WorkshopResource;
}

/** A forum category's rules: which roles read it and which post in it (admins always may). */
export interface ForumCategoryResource {
	readRoles: readonly string[];
	postRoles: readonly string[];
}

/**
 * A workshop as the rules see it: its state, audience and the actor's own place on its roster
 * (looked up by the workshops service on every call, so a changed roster counts at once).
 */
export interface WorkshopResource {
	state: 'draft' | 'published' | 'live' | 'closed' | 'archived' | 'cancelled';
	audienceCohortIds: readonly string[];
	/** The actor's roster role, or null when they are not on the roster. */
	rosterRole: 'participant' | 'supervisor' | 'observer' | 'organiser' | null;
	/** True once a guest's access has ended (some weeks after the workshop closed). */
	guestAccessEnded: boolean;
	/** Whether participants, not only organisers, may add materials. */
	participantUploads?: boolean;
	/** True when the actor is on the roster only with a "no". */
	declined?: boolean;
	/** True when an organiser named the actor note-taker of this workshop. */
	noteTaker?: boolean;
	/** Set by an organiser after closing: notes and outcomes may be written again. */
	notesReopened?: boolean;
}

/** A workshop material as the rules see it: its workshop, and whether the actor added it. */
export interface MaterialResource extends WorkshopResource {
	addedByActor: boolean;
}

/** A workshop's needs survey as the rules see it: its workshop, and whether it takes answers. */
export interface SurveyResource extends WorkshopResource {
	surveyOpen: boolean;
}

/** A workshop's dot vote as the rules see it: its workshop, and whether it takes dots. */
export interface NeedVoteResource extends WorkshopResource {
	voteOpen: boolean;
}

export const hasRole = (actor: Actor, ...wanted: Role[]) =>
	wanted.some((r) => actor.roles.includes(r));

/** Alumni and staff roles; a supervisor-only guest is not a network member. */
export const isNetworkMember = (actor: Actor) => hasRole(actor, ...networkRoles);
const isStaff = (actor: Actor) => hasRole(actor, 'organiser', 'admin');
const isModerator = (actor: Actor) => hasRole(actor, 'moderator', 'admin');

const readsCategory = (a: Actor, c: ForumCategoryResource) =>
	hasRole(a, 'admin') || a.roles.some((r) => c.readRoles.includes(r));

/** Moderators read every channel to moderate it; a workshop's only while the workshop shows. */
function readsChannel(actor: Actor, channel: ChannelResource): boolean {
	if (channel.kind === 'workshop')
		return channel.workshop !== undefined && readsWorkshopChat(actor, channel.workshop);
	if (isModerator(actor)) return true;
	switch (channel.kind) {
		case 'cohort':
			// Guests never read cohort channels, even with a cohort set by mistake.
			return (
				isNetworkMember(actor) &&
				channel.cohortId !== null &&
				actor.cohortIds.includes(channel.cohortId)
			);
		case 'general':
			return isNetworkMember(actor);
		case 'direct':
			return (channel.memberIds ?? []).includes(actor.id);
	}
}

/** Who reads a channel writes in it; a workshop's channel turns read-only when archived or cancelled. */
const writesChannel = (actor: Actor, channel: ChannelResource) =>
	readsChannel(actor, channel) &&
	(channel.kind !== 'workshop' ||
		(channel.workshop !== undefined && workshopChatOpen(channel.workshop)));

const inAudience = (a: Actor, w: WorkshopResource) =>
	w.audienceCohortIds.some((id) => a.cohortIds.includes(id));
const isGuest = (a: Actor) => !isNetworkMember(a);

function seesWorkshop(a: Actor, w: WorkshopResource): boolean {
	if (isStaff(a)) return true;
	if (w.state === 'draft') return false;
	// Guests (supervisors, observers) see only the workshops they are on, until access ends.
	if (isGuest(a)) return w.rosterRole !== null && !w.guestAccessEnded;
	return w.rosterRole !== null || inAudience(a, w) || isModerator(a);
}

/**
 * A workshop's channel: its roster (who has not declined) and staff, while the workshop is
 * visible to them; moderators read it to moderate.
 */
function readsWorkshopChat(a: Actor, w: WorkshopResource): boolean {
	if (w.state === 'draft' || !seesWorkshop(a, w)) return false;
	return isStaff(a) || isModerator(a) || (w.rosterRole !== null && !w.declined);
}
const workshopChatOpen = (w: WorkshopResource) => w.state !== 'archived' && w.state !== 'cancelled';

const registrationOpen = (w: WorkshopResource) => w.state === 'published' || w.state === 'live';
/** Materials change until the workshop is archived, by people who see its roster. */
const materialsOpen = (a: Actor, w: WorkshopResource) =>
	w.state !== 'archived' && seesWorkshop(a, w) && (isStaff(a) || w.rosterRole !== null);

/** Notes and outcomes are written while the workshop runs, or after an organiser reopened them. */
const notesOpen = (w: WorkshopResource) =>
	w.state === 'live' || (w.state === 'closed' && w.notesReopened === true);
/** Organisers and the named note-taker, among those who read the workshop's room. */
const writesNotes = (a: Actor, w: WorkshopResource) =>
	notesOpen(w) &&
	readsWorkshopChat(a, w) &&
	(isStaff(a) || (w.noteTaker === true && w.rosterRole !== null && !w.declined));
/**
 * The needs survey is answered by the roster's municipal people (participants who have not
 * declined, and their supervisors) while it is open and the workshop has not ended.
 */
const onSurveyRoster = (a: Actor, w: WorkshopResource) =>
	seesWorkshop(a, w) &&
	!w.declined &&
	(w.rosterRole === 'participant' || w.rosterRole === 'supervisor');

const rules = {
	'directory:view': (a: Actor) => isNetworkMember(a),
	'profile:view': (a: Actor) => isNetworkMember(a),
	'profile:edit-own': () => true,
	'settings:use': () => true,
	'invitation:create': isStaff,
	// Organisers hand out the network roles; only admins hand out the admin role.
	'role:grant': (a: Actor, grant: { role: Role }) =>
		grant.role === 'admin' ? hasRole(a, 'admin') : isStaff(a),
	'invitation:manage': isStaff,
	'cohort:manage': isStaff,
	'municipality:manage': isStaff,
	'admin:view': isStaff,
	'member:manage': (a: Actor) => hasRole(a, 'admin'),
	'audit:view': (a: Actor) => hasRole(a, 'moderator', 'admin'),
	/** Organisers read the log of what they did themselves (the whole log is for moderation). */
	'audit:view-own': isStaff,
	/** Impressum, privacy notice and accessibility statement speak for the operator. */
	'legal:manage': (a: Actor) => hasRole(a, 'admin'),
	// Guests list only the channels of their workshops (the list is filtered by channel:read).
	'channel:list': (a: Actor) => a.roles.length > 0,
	'channel:read': (a: Actor, channel: ChannelResource) => readsChannel(a, channel),
	'channel:write': (a: Actor, channel: ChannelResource) => writesChannel(a, channel),
	// Supervisors reach the forum too, but see only categories whose read rule names them.
	'forum:view': (a: Actor) => a.roles.length > 0,
	/** Pictures for posts; whoever reads the forum sees them (they are served by forum:view). */
	'forum:upload-image': (a: Actor) => a.roles.length > 0,
	'forum:read': readsCategory,
	'forum:post': (a: Actor, c: ForumCategoryResource) =>
		readsCategory(a, c) && (hasRole(a, 'admin') || a.roles.some((r) => c.postRoles.includes(r))),
	'forum:moderate': (a: Actor, c: ForumCategoryResource) => isModerator(a) && readsCategory(a, c),
	'forum:manage': isModerator,
	'moderation:view': isModerator,
	'workshop:list': (a: Actor) => a.roles.length > 0,
	'workshop:create': isStaff,
	'workshop:manage': (a: Actor, w: WorkshopResource) => isStaff(a) && w.state !== 'archived',
	'workshop:view': seesWorkshop,
	/** The online link, participants and materials: the roster and staff only. */
	'workshop:view-roster': (a: Actor, w: WorkshopResource) =>
		seesWorkshop(a, w) && (isStaff(a) || w.rosterRole !== null || isModerator(a)),
	'workshop:register': (a: Actor, w: WorkshopResource) =>
		registrationOpen(w) && hasRole(a, 'alumni') && inAudience(a, w),
	/** An alumna who takes part (or waits or may come) brings her supervisor; one who declined not. */
	'workshop:invite-supervisor': (a: Actor, w: WorkshopResource) =>
		registrationOpen(w) && w.rosterRole === 'participant' && !w.declined,
	/** Organisers add files and links; participants and their supervisors too if allowed. */
	'workshop:add-material': (a: Actor, w: WorkshopResource) =>
		materialsOpen(a, w) &&
		(isStaff(a) ||
			(w.participantUploads === true &&
				(w.rosterRole === 'participant' || w.rosterRole === 'supervisor'))),
	/** Notes, outcomes and the live view: whoever reads the workshop's channel. */
	'workshop:read-notes': readsWorkshopChat,
	'workshop:write-notes': writesNotes,
	/** Previous/next item and attendance corrections, while the workshop is live. */
	'workshop:run-live': (a: Actor, w: WorkshopResource) => isStaff(a) && w.state === 'live',
	/** Roster members mark themselves present while the workshop is live. */
	'workshop:check-in': (a: Actor, w: WorkshopResource) =>
		w.state === 'live' && w.rosterRole !== null && !w.declined && seesWorkshop(a, w),
	/** After closing, organisers may open notes and outcomes again (and close them again). */
	'workshop:reopen-notes': (a: Actor, w: WorkshopResource) => isStaff(a) && w.state === 'closed',
	/** Organisers remove any material, the one who added it their own. */
	'workshop:remove-material': (a: Actor, m: MaterialResource) =>
		materialsOpen(a, m) && (isStaff(a) || (m.addedByActor && m.rosterRole !== null)),
	/** Organisers build, open and close the survey until the workshop is archived. */
	'survey:manage': (a: Actor, w: WorkshopResource) =>
		isStaff(a) && w.state !== 'archived' && w.state !== 'cancelled',
	/** Results and exports: organisers only. */
	'survey:results': (a: Actor, w: WorkshopResource) => isStaff(a) && seesWorkshop(a, w),
	/** The survey page: its respondents (their own answers) and staff. */
	'survey:view': (a: Actor, w: WorkshopResource) =>
		(isStaff(a) && seesWorkshop(a, w)) || onSurveyRoster(a, w),
	'survey:answer': (a: Actor, s: SurveyResource) =>
		s.surveyOpen && registrationOpen(s) && onSurveyRoster(a, s),
	/** The needs register across workshops: whoever sees workshops (each card by its workshop). */
	'needs:list': (a: Actor) => a.roles.length > 0,
	/** Organisers write, merge and keep the need cards of every workshop they see up to date. */
	'need:manage': (a: Actor, w: WorkshopResource) => isStaff(a) && seesWorkshop(a, w),
	/** Organisers open and close the dot vote until the workshop is archived. */
	'need:run-vote': (a: Actor, w: WorkshopResource) =>
		isStaff(a) && seesWorkshop(a, w) && w.state !== 'archived' && w.state !== 'cancelled',
	/** The roster's alumni and supervisors vote while the vote is open (observers do not). */
	'need:vote': (a: Actor, v: NeedVoteResource) => v.voteOpen && onSurveyRoster(a, v)
} satisfies Record<string, (actor: Actor, resource: never) => boolean>;

export type Action = keyof typeof rules;
export type ResourceOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

export function can<A extends Action>(
	actor: Actor | null | undefined,
	action: A,
	resource?: ResourceOf<A>
): boolean {
	if (!actor) return false;
	const rule = rules[action] as ((a: Actor, r?: unknown) => boolean) | undefined;
	if (!rule) return false;
	// Rules with a resource refuse when it is missing.
	if (rule.length > 1 && resource === undefined) return false;
	return rule(actor, resource);
}

/** Every action name, for the permission-matrix tests. */
export const actions = Object.keys(rules) as Action[];
