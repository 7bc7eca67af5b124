import { error, redirect } from '@sveltejs/kit';
import { can, type Action, type ResourceOf } from './permissions';
import type { SessionMember } from './sessions';

interface Locals {
	member: SessionMember | null;
}

/** The signed-in member, or a redirect to the login page that comes back here afterwards. */
export function requireMember(locals: Locals, url: URL): SessionMember {
	if (!locals.member) {
		const back = url.pathname + url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return locals.member;
}

/** Refuses with 403 (or 404 where existence itself must not leak) unless the rule allows it. */
export function requirePermission<A extends Action>(
	locals: Locals,
	url: URL,
	action: A,
	resource?: ResourceOf<A>
): SessionMember {
	const member = requireMember(locals, url);
	if (!can(member, action, resource)) {
		error(403, { message: 'forbidden' });
	}
	return member;
}
