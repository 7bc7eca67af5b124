import { describe, expect, it } from 'vitest';
import { roles, type Role } from '$lib/roles';
import { actions, can, type Action, type Actor, type ChannelResource } from './permissions';

/**
 * The permission table, role by role, without a server or database. The route × role matrices
 * (tests/integration) prove the routes ask these rules; this proves the rules themselves.
 */
const cohort = 'c0ffee000000000000000001';
const otherCohort = 'c0ffee000000000000000002';
const actor = (role: Role): Actor => ({ id: `id-${role}`, roles: [role], cohortIds: [cohort] });

const none: Role[] = [];
const network: Role[] = ['alumni', 'moderator', 'organiser', 'admin'];
const staff: Role[] = ['organiser', 'admin'];
const moderators: Role[] = ['moderator', 'admin'];

/** Who may, for the rules that need no resource. */
const withoutResource: Record<string, Role[]> = {
	'directory:view': network,
	'profile:view': network,
	'profile:edit-own': [...roles],
	'settings:use': [...roles],
	'invitation:create': staff,
	'invitation:manage': staff,
	'cohort:manage': staff,
	'municipality:manage': staff,
	'admin:view': staff,
	'member:manage': ['admin'],
	'audit:view': moderators,
	'audit:view-own': staff,
	'legal:manage': ['admin'],
	'channel:list': [...roles],
	'forum:view': [...roles],
	'forum:upload-image': [...roles],
	'forum:manage': moderators,
	'moderation:view': moderators,
	'workshop:list': [...roles],
	'workshop:create': staff,
	'needs:list': [...roles]
};

/** A published workshop for the actors' cohort, none of them on its roster. */
const workshop = {
	state: 'published',
	audienceCohortIds: [cohort],
	rosterRole: null,
	guestAccessEnded: false
} as const;
const workshopRules: [Action, Role[]][] = [
	['workshop:manage', staff],
	['workshop:view', network],
	['workshop:view-roster', ['moderator', 'organiser', 'admin']],
	['workshop:register', ['alumni']],
	['workshop:invite-supervisor', none],
	['workshop:add-material', staff],
	['workshop:remove-material', staff],
	['workshop:read-notes', ['moderator', 'organiser', 'admin']],
	['workshop:write-notes', none],
	['workshop:run-live', none],
	['workshop:check-in', none],
	['workshop:reopen-notes', none],
	['survey:manage', staff],
	['survey:results', staff],
	['survey:view', staff],
	// Not on the roster: nobody answers, however open the survey
	['survey:answer', none],
	['need:manage', staff],
	['need:run-vote', staff],
	// Not on the roster, and no vote open: nobody puts a dot
	['need:vote', none]
];

/** The same workshop while it runs, and after it closed (roster roles set per row). */
const live = { ...workshop, state: 'live' } as const;
const closed = { ...workshop, state: 'closed' } as const;
const notesRules: [string, Action, object, Role[]][] = [
	['live, not on the roster', 'workshop:write-notes', live, staff],
	['live, participant', 'workshop:write-notes', { ...live, rosterRole: 'participant' }, staff],
	[
		'live, note-taker',
		'workshop:write-notes',
		{ ...live, rosterRole: 'participant', noteTaker: true },
		[...roles]
	],
	[
		'live, note-taker who declined',
		'workshop:write-notes',
		{ ...live, rosterRole: 'participant', noteTaker: true, declined: true },
		staff
	],
	['closed', 'workshop:write-notes', { ...closed, rosterRole: 'organiser' }, none],
	[
		'closed, reopened',
		'workshop:write-notes',
		{ ...closed, rosterRole: 'participant', noteTaker: true, notesReopened: true },
		[...roles]
	],
	['live, participant', 'workshop:read-notes', { ...live, rosterRole: 'participant' }, [...roles]],
	['live', 'workshop:run-live', live, staff],
	['live, on the roster', 'workshop:check-in', { ...live, rosterRole: 'participant' }, [...roles]],
	['live, not on the roster', 'workshop:check-in', live, none],
	['closed', 'workshop:reopen-notes', closed, staff],
	[
		'vote open, participant',
		'need:vote',
		{ ...live, rosterRole: 'participant', voteOpen: true },
		[...roles]
	],
	['vote open, observer', 'need:vote', { ...live, rosterRole: 'observer', voteOpen: true }, none],
	[
		'vote open, guest whose access ended',
		'need:vote',
		{ ...closed, rosterRole: 'supervisor', voteOpen: true, guestAccessEnded: true },
		network
	],
	['vote closed, participant', 'need:vote', { ...live, rosterRole: 'participant' }, none]
];

const channels: [string, ChannelResource, Role[]][] = [
	['own cohort', { kind: 'cohort', cohortId: cohort }, network],
	['other cohort', { kind: 'cohort', cohortId: otherCohort }, moderators],
	['general', { kind: 'general', cohortId: null }, network],
	[
		'workshop not on its roster',
		{ kind: 'workshop', cohortId: null, workshop },
		['moderator', ...staff]
	],
	[
		'workshop of a draft',
		{ kind: 'workshop', cohortId: null, workshop: { ...workshop, state: 'draft' } },
		none
	],
	['direct without the member', { kind: 'direct', cohortId: null, memberIds: [] }, moderators]
];

// Alumni read and post, supervisors read only; admins always may, moderators moderate.
const category = {
	readRoles: ['alumni', 'supervisor', 'moderator'],
	postRoles: ['alumni', 'moderator']
};
const forumRules: [Action, Role[]][] = [
	['forum:read', ['alumni', 'supervisor', 'moderator', 'admin']],
	['forum:post', ['alumni', 'moderator', 'admin']],
	['forum:moderate', moderators]
];

const allowedRoles = (allowed: (role: Role) => boolean) => roles.filter(allowed);

describe('can()', () => {
	it('has a row here for every rule', () => {
		const covered = [...Object.keys(withoutResource), 'channel:read', 'channel:write'];
		covered.push(...forumRules.map(([action]) => action));
		covered.push(...workshopRules.map(([action]) => action), 'role:grant');
		expect(covered.sort()).toEqual([...actions].sort());
	});

	it.each(Object.entries(withoutResource))('%s: %j', (action, expected) => {
		expect(allowedRoles((role) => can(actor(role), action as Action))).toEqual(expected);
	});

	it.each(channels)('reading and writing a channel: %s', (_name, channel, expected) => {
		for (const action of ['channel:read', 'channel:write'] as const)
			expect(allowedRoles((role) => can(actor(role), action, channel))).toEqual(
				roles.filter((r) => expected.includes(r))
			);
	});

	it('a workshop channel is open to its roster, read-only once archived or cancelled', () => {
		const onRoster = (rosterRole: 'participant' | 'supervisor' | 'observer', more = {}) => ({
			kind: 'workshop' as const,
			cohortId: null,
			workshop: { ...workshop, rosterRole, ...more }
		});
		const alumni = actor('alumni');
		const guest = actor('supervisor');
		expect(can(alumni, 'channel:write', onRoster('participant'))).toBe(true);
		expect(can(guest, 'channel:write', onRoster('supervisor'))).toBe(true);
		expect(can(alumni, 'channel:read', onRoster('participant', { declined: true }))).toBe(false);
		for (const state of ['archived', 'cancelled'] as const) {
			expect(can(alumni, 'channel:read', onRoster('participant', { state }))).toBe(true);
			expect(can(alumni, 'channel:write', onRoster('participant', { state }))).toBe(false);
		}
		expect(can(guest, 'channel:read', onRoster('supervisor', { guestAccessEnded: true }))).toBe(
			false
		);
		// A workshop channel without its workshop (deleted) is closed to everyone.
		expect(can(actor('admin'), 'channel:read', { kind: 'workshop', cohortId: null })).toBe(false);
	});

	it('an alumna on the roster invites her supervisor, unless she declined', () => {
		const alumna = actor('alumni');
		const answered = (declined: boolean) => ({
			...workshop,
			rosterRole: 'participant' as const,
			declined
		});
		expect(can(alumna, 'workshop:invite-supervisor', answered(false))).toBe(true);
		expect(can(alumna, 'workshop:invite-supervisor', answered(true))).toBe(false);
	});

	it('direct channels are open to their members', () => {
		const alumni = actor('alumni');
		expect(
			can(alumni, 'channel:write', { kind: 'direct', cohortId: null, memberIds: [alumni.id] })
		).toBe(true);
	});

	it.each(forumRules)('%s in a category: %j', (action, expected) => {
		expect(allowedRoles((role) => can(actor(role), action, category as never))).toEqual(expected);
	});

	it.each(workshopRules)('%s for a published workshop of the cohort: %j', (action, expected) => {
		expect(allowedRoles((role) => can(actor(role), action, workshop as never))).toEqual(expected);
	});

	it.each(notesRules)('notes and live view, %s: %s %j', (_, action, resource, expected) => {
		expect(allowedRoles((role) => can(actor(role), action, resource as never))).toEqual(
			roles.filter((r) => expected.includes(r))
		);
	});

	it('survey:answer: the roster’s participants and supervisors, while open and current', () => {
		const survey = (
			rosterRole: 'participant' | 'supervisor' | 'observer' | 'organiser',
			more = {}
		) => ({ ...workshop, rosterRole, surveyOpen: true, ...more }) as const;
		const alumni = actor('alumni');
		const guest = actor('supervisor');
		expect(can(alumni, 'survey:answer', survey('participant'))).toBe(true);
		expect(can(guest, 'survey:answer', survey('supervisor'))).toBe(true);
		expect(can(alumni, 'survey:answer', survey('participant', { state: 'live' }))).toBe(true);
		expect(can(actor('admin'), 'survey:answer', survey('observer'))).toBe(false);
		expect(can(actor('organiser'), 'survey:answer', survey('organiser'))).toBe(false);
		expect(can(alumni, 'survey:answer', survey('participant', { surveyOpen: false }))).toBe(false);
		expect(can(alumni, 'survey:answer', survey('participant', { declined: true }))).toBe(false);
		expect(can(alumni, 'survey:answer', survey('participant', { state: 'closed' }))).toBe(false);
		// A guest whose access ended answers nothing, even where the survey is open.
		expect(can(guest, 'survey:answer', survey('supervisor', { guestAccessEnded: true }))).toBe(
			false
		);
		expect(
			allowedRoles((role) => can(actor(role), 'survey:manage', { ...workshop, state: 'archived' }))
		).toEqual(none);
	});

	it('role:grant: staff hand out roles, only admins the admin role', () => {
		expect(allowedRoles((role) => can(actor(role), 'role:grant', { role: 'alumni' }))).toEqual(
			staff
		);
		expect(allowedRoles((role) => can(actor(role), 'role:grant', { role: 'admin' }))).toEqual([
			'admin'
		]);
	});

	it('refuses nobody, a rule without its resource, and an unknown action', () => {
		expect(can(null, 'settings:use')).toBe(false);
		expect(can(undefined, 'settings:use')).toBe(false);
		expect(can(actor('admin'), 'forum:read')).toBe(false);
		expect(can(actor('admin'), 'channel:read')).toBe(false);
		expect(can(actor('admin'), 'nonsense' as Action)).toBe(false);
		expect(can({ ...actor('alumni'), roles: none }, 'forum:view')).toBe(false);
	});
});
