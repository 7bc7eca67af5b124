/** Every member role, from fewest to most rights (forms list them in this order). */
export const roles = [
	'alumni',
	'supervisor',
	'observer',
	'moderator',
	'organiser',
	'admin'
] as const;
export type Role = (typeof roles)[number];

/**
 * Members of the network proper: everyone but the guests of workshops (supervisors and
 * observers such as the federal transfer office), who see only their workshops.
 */
export const networkRoles = [
	'alumni',
	'moderator',
	'organiser',
	'admin'
] as const satisfies readonly Role[];

/** Who reads and writes in a new forum category (admins always may). */
export const defaultCategoryRoles: readonly Role[] = ['alumni', 'moderator', 'organiser'];
