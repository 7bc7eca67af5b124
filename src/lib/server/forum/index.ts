/**
 * The forum: categories, threads, posts, moderation and search. Services take the acting
 * member and an input and answer with a plain DTO or a failure (../result.ts). Counters,
 * caches and read positions stay inside: routes cannot reach them.
 */
export {
	categoryPage,
	listCategories,
	previewMarkdown,
	type CategoryDto,
	type CategoryPage
} from './categories';
export { listTags } from './tags';
export { recentThreads, type ThreadListItem, type ThreadPage } from './lists';
export {
	openThread,
	type ThreadDto,
	type ThreadOpening,
	type ThreadPageDto,
	type ThreadView
} from './thread-page';
export { setWatchLevel, type WatchLevel } from './read-state';
export {
	createThread,
	editOpeningPost,
	editPost,
	replyToThread,
	toggleReaction,
	type NewThread
} from './writes';
export { editablePost, postHistory, type PostHistory } from './posts';
export {
	createTag,
	mergeThreads,
	moveThread,
	saveCategory,
	setPostHidden,
	setThreadFlag,
	splitThread,
	type CategoryInput
} from './moderation';
export { findMergeTargets, mergeTargetLimit, type MergeTargetDto } from './merge-targets';
export { closeReport, listOpenReports, reportPost, type ReportDto } from './reports';
export { postLink } from './links';
export { quotePost, type QuoteDto } from './quote';
export { mayPreview, mayWrite, writingTooFast } from './rate-limits';
export { uploadPostImage, type PostImageDto } from './images';
