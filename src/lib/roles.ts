/** Every member role, from fewest to most rights (forms list them in this order). */
export const roles = ['alumni', 'supervisor', 'moderator', 'organiser', 'admin'] as const;
export type Role = (typeof roles)[number];
