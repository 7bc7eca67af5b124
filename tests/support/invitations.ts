import type { NewInvitation } from '../../src/lib/server/invitations';

/** An invitation as the admin form sends it: alumni role, no cohort, German mail. */
export const invitationFor = (
	email: string,
	change: Partial<NewInvitation> = {}
): NewInvitation => ({
	email,
	displayName: '',
	roles: ['alumni'],
	cohortId: null,
	municipalityId: null,
	locale: 'de',
	origin: 'http://localhost',
	...change
});
