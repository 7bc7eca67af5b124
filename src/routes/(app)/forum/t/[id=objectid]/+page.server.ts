import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import {
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
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const member = requirePermission(locals, url, 'forum:view');
	let loaded: Awaited<ReturnType<typeof forum.loadReadableThread>>;
	try {
		loaded = await forum.loadReadableThread(member, params.id);
	} catch (err) {
		forum.rethrow(err);
	}
	const { thread, category } = loaded;
	if (thread.mergedIntoId) redirect(303, `/forum/t/${thread.mergedIntoId.toString()}`);
	if (url.searchParams.has('unread')) {
		const n = await forum.firstUnreadNumber(member, thread);
		redirect(303, `/forum/t/${params.id}?from=${forum.pageStart(n)}#post-${n}`);
	}
	const from = Math.max(1, Number.parseInt(url.searchParams.get('from') ?? '1', 10) || 1);
	const categoryDto = forum.toCategoryDto(member, category);
	const quoteId = url.searchParams.get('quote');
	const [view, moveTargets, quote] = await Promise.all([
		forum.viewThread(member, thread, category, from),
		categoryDto.canModerate
			? forum
					.listCategories(member)
					.then((all) => all.filter((c) => c.canModerate && c.id !== categoryDto.id))
			: Promise.resolve([]),
		quoteId ? forum.postSource(member, quoteId).catch(() => null) : Promise.resolve(null)
	]);
	return {
		thread: {
			id: params.id,
			title: thread.title,
			tags: thread.tags,
			pinned: thread.pinned,
			locked: thread.locked,
			lastNumber: thread.lastNumber
		},
		category: categoryDto,
		view,
		from,
		moveTargets,
		quote:
			quote && quote.threadId === params.id && quoteId
				? {
						postId: quoteId,
						number: quote.number,
						text: quote.text
					}
				: null,
		me: member.id
	};
};

type Event = RequestEvent;

/** Parses, checks the rate for writes, runs the service, answers failures with the input kept. */
async function act<S extends z.ZodType>(
	event: Event,
	schema: S,
	run: (member: SessionMember, data: z.infer<S>) => Promise<string | void>,
	options: { field?: string; arrays?: string[]; write?: boolean } = {}
) {
	const member = requirePermission(event.locals, event.url, 'forum:view');
	const form = await parseForm(event.request, schema, event.locals.locale, options.arrays);
	if (!form.ok) return form.failure;
	if (options.write && !forum.mayWrite(member.id))
		return forum.rateLimited(form.raw, event.locals.locale);
	let target: string | void;
	try {
		target = await run(member, form.data);
	} catch (err) {
		return forum.failure(err, form.raw, event.locals.locale, options.field);
	}
	redirect(
		303,
		target ?? `/forum/t/${event.params.id}?from=${event.url.searchParams.get('from') ?? 1}`
	);
}

const threadLink = (threadId: string, n: number) =>
	`/forum/t/${threadId}?from=${forum.pageStart(n)}#post-${n}`;

const flag = (name: 'pinned' | 'locked', value: boolean) => (event: Event) =>
	act(event, postIdSchema.partial(), (member) =>
		forum.setThreadFlag(member, event.params.id, name, value)
	);

export const actions = {
	reply: (event) =>
		act(
			event,
			replySchema,
			async (member, data) => {
				const post = await forum.replyToThread(member, event.params.id, {
					body: data.body,
					quotedPostId: data.quotedPostId || undefined
				});
				return threadLink(event.params.id, post.number);
			},
			{ field: 'body', write: true }
		),
	react: (event) =>
		act(event, reactSchema, async (member, data) => {
			const post = await forum.toggleReaction(member, data.postId, data.reaction);
			return threadLink(event.params.id, post.number);
		}),
	report: (event) =>
		act(
			event,
			reportSchema,
			async (member, data) => {
				await forum.reportPost(member, data.postId, data.reason);
				return `/forum/t/${event.params.id}?from=${event.url.searchParams.get('from') ?? 1}&reported=1`;
			},
			{ field: 'reason', write: true }
		),
	watch: (event) =>
		act(event, watchSchema, (member, data) =>
			forum.setWatchLevel(member, event.params.id, data.level)
		),
	pin: flag('pinned', true),
	unpin: flag('pinned', false),
	lock: flag('locked', true),
	unlock: flag('locked', false),
	move: (event) =>
		act(
			event,
			moveSchema,
			(member, data) => forum.moveThread(member, event.params.id, data.categoryId),
			{ field: 'categoryId' }
		),
	merge: (event) =>
		act(
			event,
			mergeSchema,
			async (member, data) => {
				await forum.mergeThreads(member, event.params.id, data.targetThreadId);
				return `/forum/t/${data.targetThreadId}`;
			},
			{ field: 'targetThreadId' }
		),
	split: (event) =>
		act(
			event,
			splitSchema,
			async (member, data) => `/forum/t/${await forum.splitThread(member, event.params.id, data)}`,
			{ field: 'postIds', arrays: ['postIds'] }
		),
	hide: (event) =>
		act(
			event,
			hideSchema,
			(member, data) => forum.setPostHidden(member, data.postId, true, data.reason),
			{
				field: 'hideReason'
			}
		),
	unhide: (event) =>
		act(event, postIdSchema, (member, data) => forum.setPostHidden(member, data.postId, false))
} satisfies Actions;
