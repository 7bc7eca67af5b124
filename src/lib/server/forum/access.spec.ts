import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/roles';
import type { CategoryLean } from './access';
import { threadPermissions, writeRefusal } from './access';

// Alumni post, moderators moderate; supervisors read only.
const category = {
	_id: new Types.ObjectId(),
	readRoles: ['alumni', 'supervisor', 'moderator'],
	postRoles: ['alumni', 'moderator']
} as unknown as CategoryLean;
const as = (role: Role) => ({ id: new Types.ObjectId().toString(), roles: [role], cohortIds: [] });

describe('what a member may do in a thread', () => {
	it.each([
		// role, locked, refusal, reply, edit own posts, edit all posts
		['alumni', false, null, true, true, false],
		['alumni', true, 'locked', false, false, false],
		['supervisor', false, 'category_forbidden', false, false, false],
		['supervisor', true, 'category_forbidden', false, false, false],
		['moderator', true, null, true, true, true],
		['admin', true, null, true, true, true]
	] as const)('%s, locked %s: refused for %s', (role, locked, refusal, reply, own, all) => {
		expect(writeRefusal(as(role), category, { locked })).toBe(refusal);
		expect(threadPermissions(as(role), category, { locked })).toEqual({
			reply,
			replyRefusal: refusal,
			editOwnPosts: own,
			editAllPosts: all
		});
	});
});
