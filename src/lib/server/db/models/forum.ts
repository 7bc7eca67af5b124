import { Schema, type InferSchemaType, Types } from 'mongoose';
import { roles } from './member';
import { reactionKeys, type ReactionKey } from '$lib/reactions';
import { defaultCategoryRoles } from '$lib/roles';
import { defineModel } from './model';

// The fixed reaction set ($lib/reactions): a short list keeps the post document small.
export { reactionKeys, type ReactionKey };

const categorySchema = new Schema(
	{
		name: { type: String, required: true, trim: true },
		slug: { type: String, required: true },
		description: { type: String, default: '' },
		colour: { type: String, default: '#1d4f91' },
		order: { type: Number, default: 0 },
		/** Roles that may read / start threads and reply; admins always may. */
		readRoles: { type: [String], enum: roles, default: () => [...defaultCategoryRoles] },
		postRoles: { type: [String], enum: roles, default: () => [...defaultCategoryRoles] },
		// Counters refreshed from the threads after every write (exact, no $inc races).
		threadCount: { type: Number, default: 0 },
		lastActivityAt: { type: Date, default: null },
		lastThreadId: { type: Schema.Types.ObjectId, default: null },
		lastThreadTitle: { type: String, default: '' },
		/** Raised by every change to the category's threads; retires cached list pages. */
		listVersion: { type: Number, default: 0 }
	},
	{ timestamps: true }
);
categorySchema.index({ slug: 1 }, { unique: true });
categorySchema.index({ order: 1, _id: 1 });

const tagSchema = new Schema(
	{
		name: { type: String, required: true, trim: true },
		slug: { type: String, required: true }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);
tagSchema.index({ slug: 1 }, { unique: true });

const threadSchema = new Schema(
	{
		categoryId: { type: Schema.Types.ObjectId, ref: 'ForumCategory', required: true },
		title: { type: String, required: true },
		slug: { type: String, required: true },
		authorId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		tags: { type: [String], default: [] },
		pinned: { type: Boolean, default: false },
		locked: { type: Boolean, default: false },
		hidden: { type: Boolean, default: false },
		postCount: { type: Number, default: 0 },
		/** Highest post number: read positions compare against it for unread markers. */
		lastNumber: { type: Number, default: 0 },
		lastPostAt: { type: Date, required: true },
		lastPostAuthorId: { type: Schema.Types.ObjectId, default: null },
		participantIds: { type: [Schema.Types.ObjectId], default: [] },
		/**
		 * Post ids in number order (post n at index n - 1). A page of a thread is read by these
		 * ids: the embedded database answers only _id lookups from an index, so even a
		 * 500-post thread costs one page of lookups, on MongoDB and on the embedded server.
		 */
		postIds: { type: [Schema.Types.ObjectId], default: [] },
		/** Raised by every change to the thread's posts; retires cached pages. */
		postsVersion: { type: Number, default: 0 },
		/** Set when a moderator merged this thread into another: its page forwards there. */
		mergedIntoId: { type: Schema.Types.ObjectId, default: null },
		/** A workshop summary's thread links back to its workshop ("Aus dem 3. Transfer-Workshop"). */
		fromWorkshop: {
			type: new Schema(
				{ id: Schema.Types.ObjectId, number: Number, title: String },
				{ _id: false }
			),
			default: null
		}
	},
	{ timestamps: true }
);
// Category page: pinned first, then by last activity, paged by (lastPostAt, _id).
threadSchema.index({ categoryId: 1, hidden: 1, pinned: -1, lastPostAt: -1, _id: -1 });
threadSchema.index({ categoryId: 1, tags: 1, lastPostAt: -1, _id: -1 });
threadSchema.index({ lastPostAt: -1, _id: -1 });

const editSchema = new Schema(
	{
		source: { type: String, required: true },
		editedAt: { type: Date, required: true },
		editorId: { type: Schema.Types.ObjectId, required: true }
	},
	{ _id: false }
);

const postSchema = new Schema(
	{
		threadId: { type: Schema.Types.ObjectId, ref: 'ForumThread', required: true },
		/** Copied from the thread (updated on move): search filters by readable categories. */
		categoryId: { type: Schema.Types.ObjectId, required: true },
		number: { type: Number, required: true },
		authorId: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
		source: { type: String, required: true },
		/** Rendered and sanitised once on write; pages show it as is. */
		html: { type: String, default: '' },
		/** Plain text for snippets and notifications. */
		text: { type: String, default: '' },
		/** Normalised search terms (title terms included on the first post). */
		terms: { type: [String], default: [] },
		quotedPostId: { type: Schema.Types.ObjectId, default: null },
		reactions: {
			type: Object.fromEntries(
				reactionKeys.map((k) => [k, { type: [Schema.Types.ObjectId], default: [] }])
			),
			default: () => ({})
		},
		edits: { type: [editSchema], default: [] },
		editCount: { type: Number, default: 0 },
		editedAt: { type: Date, default: null },
		hidden: { type: Boolean, default: false },
		hiddenReason: { type: String, default: '' },
		hiddenById: { type: Schema.Types.ObjectId, default: null },
		threadHidden: { type: Boolean, default: false }
	},
	{ timestamps: true }
);
postSchema.index({ threadId: 1, number: 1 }, { unique: true });
postSchema.index({ terms: 1, _id: -1 });
postSchema.index({ authorId: 1, _id: -1 });

const reportSchema = new Schema(
	{
		postId: { type: Schema.Types.ObjectId, required: true },
		threadId: { type: Schema.Types.ObjectId, required: true },
		categoryId: { type: Schema.Types.ObjectId, required: true },
		reporterId: { type: Schema.Types.ObjectId, required: true },
		reason: { type: String, required: true },
		status: { type: String, enum: ['open', 'resolved', 'dismissed'], default: 'open' },
		handledById: { type: Schema.Types.ObjectId, default: null },
		handledAt: { type: Date, default: null }
	},
	{ timestamps: { createdAt: true, updatedAt: false } }
);
reportSchema.index({ status: 1, _id: -1 });
// One open report per member and post: a second click does not flood the queue.
reportSchema.index({ postId: 1, reporterId: 1, status: 1 });

/** A member's relation to a thread: how far they read, and whether they watch or muted it. */
const threadStateSchema = new Schema({
	memberId: { type: Schema.Types.ObjectId, required: true },
	threadId: { type: Schema.Types.ObjectId, required: true },
	lastReadNumber: { type: Number, default: 0 },
	level: { type: String, enum: ['watching', 'normal', 'muted'], default: 'normal' }
});
threadStateSchema.index({ memberId: 1, threadId: 1 }, { unique: true });
threadStateSchema.index({ threadId: 1, level: 1 });

export type ForumCategoryDoc = InferSchemaType<typeof categorySchema> & { _id: Types.ObjectId };
export type ForumThreadDoc = InferSchemaType<typeof threadSchema> & {
	_id: Types.ObjectId;
	createdAt: Date;
};
export type ForumPostDoc = InferSchemaType<typeof postSchema> & {
	_id: Types.ObjectId;
	createdAt: Date;
	reactions: Partial<Record<ReactionKey, Types.ObjectId[]>>;
};
export const ForumCategory = defineModel('ForumCategory', categorySchema);
export const ForumTag = defineModel('ForumTag', tagSchema);
export const ForumThread = defineModel('ForumThread', threadSchema);
export const ForumPost = defineModel('ForumPost', postSchema);
export const ForumReport = defineModel('ForumReport', reportSchema);
export const ForumThreadState = defineModel('ForumThreadState', threadStateSchema);
