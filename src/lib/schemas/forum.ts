import { z } from 'zod';
import { objectId, reaction, requiredText, role, text } from './fields';

export const titleMax = 150;
export const bodyMax = 20_000;
export const maxTags = 5;

const title = z
	.string('required')
	.trim()
	.min(1, 'required')
	.min(5, 'tooShort')
	.max(titleMax, 'tooLong');
export const body = requiredText(bodyMax);
const slug = z.string('invalid').regex(/^[a-z0-9-]{1,60}$/, 'invalid');
const tagList = z.array(slug, 'invalid').max(maxTags, 'tooLong');

export const newThreadSchema = z.object({
	categoryId: objectId,
	title,
	body,
	tags: tagList.default([])
});

export const replySchema = z.object({
	body,
	quotedPostId: z.union([objectId, z.literal('')]).optional()
});

export const editPostSchema = z.object({ postId: objectId, body });
export const postIdSchema = z.object({ postId: objectId });
export const reactSchema = z.object({ postId: objectId, reaction });
export const reportSchema = z.object({ postId: objectId, reason: requiredText(500) });
export const hideSchema = z.object({ postId: objectId, reason: requiredText(500) });
export const watchSchema = z.object({ level: z.enum(['watching', 'normal', 'muted'], 'invalid') });
export const moveSchema = z.object({ categoryId: objectId });
export const mergeSchema = z.object({ targetThreadId: objectId });
export const splitSchema = z.object({
	postIds: z.array(objectId, 'invalid').min(1, 'required').max(200, 'tooLong'),
	title,
	categoryId: objectId
});
export const previewSchema = z.object({ body: text(bodyMax) });
/** The text a member selected in a post to quote (none: the whole post). */
export const quoteSchema = z.object({ selection: z.string().max(bodyMax).default('') });

export const categorySchema = z.object({
	name: requiredText(80),
	slug,
	description: text(500),
	colour: z.string('invalid').regex(/^#[0-9a-fA-F]{6}$/, 'invalid'),
	order: z.coerce.number('invalid').int('invalid').min(0, 'invalid').max(1000, 'invalid'),
	readRoles: z.array(role, 'invalid').min(1, 'required'),
	postRoles: z.array(role, 'invalid')
});
export const tagSchema = z.object({ name: requiredText(40), slug });

export const threadListQuery = z.object({
	tag: slug.optional(),
	cursor: z
		.string()
		.regex(/^\d{13}_[a-f0-9]{24}$/)
		.optional()
});
export const threadRoomSchema = z.object({ threadId: objectId });
