import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	bodyMax,
	hideSchema,
	mergeSchema,
	moveSchema,
	postIdSchema,
	reactSchema,
	replySchema,
	reportSchema,
	splitSchema,
	watchSchema
} from '$lib/schemas/forum';
import { requirePermission } from '$lib/server/auth/guards';
import type { SessionMember } from '$lib/server/auth/sessions';
import * as forum from '$lib/server/forum';
import { formToObject, parseForm } from '$lib/server/forms';
import * as respond from '$lib/server/respond';
import type { Result } from '$lib/server/result';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	const from = Math.max(1, Number.parseInt(url.searchParams.get('from') ?? '1', 10) || 1);
	const opened = respond.unwrap(
		await forum.openThread(member, {
			threadId: params.id,
			from,
			unread: url.searchParams.has('unread'),
			quote: url.searchParams.get('quote') ?? undefined,
			locale: locals.locale
		})
	);
	if ('redirect' in opened) redirect(303, opened.redirect);
	// A moderator looking for the thread to merge this one into, by its title.
	const mergeQuery = url.searchParams.get('mergeq')?.slice(0, 150) ?? null;
	const mergeTargets =
		mergeQuery !== null && opened.page.category.canModerate
			? respond.unwrap(await forum.findMergeTargets(member, { threadId: params.id, q: mergeQuery }))
			: null;
	return { ...opened.page, from, me: member.id, mergeQuery, mergeTargets };
};

type Event = RequestEvent;

interface ActOptions<T, D> {
	/** The form field a failure belongs to when the service names none. */
	field?: string;
	arrays?: string[];
	/** A write that counts against the member's posting rate. */
	write?: boolean;
	/** Where to go afterwards; back to the page the member was on when missing. */
	to?: (value: T, data: D) => string;
}

/** Parses, checks the rate for writes, runs the service; a failure keeps the input. */
async function act<S extends z.ZodType, T>(
	event: Event,
	schema: S,
	run: (member: SessionMember, data: z.infer<S>) => Promise<Result<T>>,
	options: ActOptions<T, z.infer<S>> = {}
) {
	const member = requirePermission(event.locals, event.url, 'forum:view');
	const form = await parseForm(event.request, schema, event.locals.locale, options.arrays);
	if (!form.ok) return form.failure;
	const result =
		options.write && !(await forum.mayWrite(member.id))
			? forum.writingTooFast()
			: await run(member, form.data);
	if (!result.ok)
		return respond.formFailure(result.failure, form.raw, event.locals.locale, options.field);
	const from = `/forum/t/${event.params.id}?from=${event.url.searchParams.get('from') ?? 1}`;
	redirect(303, options.to ? options.to(result.value, form.data) : from);
}

const toPost = (event: Event) => (post: { number: number }) =>
	forum.postLink(event.params.id, post.number);

const flag = (name: 'pinned' | 'locked', value: boolean) => (event: Event) =>
	act(event, postIdSchema.partial(), (member) =>
		forum.setThreadFlag(member, { threadId: event.params.id, flag: name, value })
	);

export const actions = {
	/** The preview without JavaScript: the form comes back with the rendered reply. */
	preview: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'forum:view');
		const raw = formToObject(await request.formData());
		const body = typeof raw.body === 'string' ? raw.body.slice(0, bodyMax) : '';
		return { values: raw, preview: forum.previewMarkdown(body) };
	},
	reply: (event) =>
		act(
			event,
			replySchema,
			(member, data) =>
				forum.replyToThread(member, {
					threadId: event.params.id,
					body: data.body,
					quotedPostId: data.quotedPostId || undefined
				}),
			{ field: 'body', write: true, to: toPost(event) }
		),
	react: (event) =>
		act(event, reactSchema, (member, data) => forum.toggleReaction(member, data), {
			to: toPost(event)
		}),
	report: (event) =>
		act(event, reportSchema, (member, data) => forum.reportPost(member, data), {
			field: 'reason',
			write: true,
			to: () =>
				`/forum/t/${event.params.id}?from=${event.url.searchParams.get('from') ?? 1}&reported=1`
		}),
	watch: (event) =>
		act(event, watchSchema, (member, data) =>
			forum.setWatchLevel(member, { threadId: event.params.id, level: data.level })
		),
	pin: flag('pinned', true),
	unpin: flag('pinned', false),
	lock: flag('locked', true),
	unlock: flag('locked', false),
	move: (event) =>
		act(
			event,
			moveSchema,
			(member, data) =>
				forum.moveThread(member, { threadId: event.params.id, categoryId: data.categoryId }),
			{ field: 'categoryId' }
		),
	merge: (event) =>
		act(
			event,
			mergeSchema,
			(member, data) =>
				forum.mergeThreads(member, { sourceId: event.params.id, targetId: data.targetThreadId }),
			{ field: 'targetThreadId', to: (_, data) => `/forum/t/${data.targetThreadId}` }
		),
	split: (event) =>
		act(
			event,
			splitSchema,
			(member, data) => forum.splitThread(member, { ...data, threadId: event.params.id }),
			{ field: 'postIds', arrays: ['postIds'], to: ({ threadId }) => `/forum/t/${threadId}` }
		),
	hide: (event) =>
		act(
			event,
			hideSchema,
			(member, data) =>
				forum.setPostHidden(member, { postId: data.postId, hidden: true, reason: data.reason }),
			{ field: 'hideReason' }
		),
	unhide: (event) =>
		act(event, postIdSchema, (member, data) =>
			forum.setPostHidden(member, { postId: data.postId, hidden: false })
		)
} satisfies Actions;
