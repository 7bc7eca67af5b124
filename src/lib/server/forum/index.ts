/** The forum: categories, threads, posts, moderation and search (services returning DTOs). */
export {
	ForumError,
	isForumError,
	loadCategory,
	loadReadableThread,
	readableCategories,
	readsCategory,
	postsInCategory,
	moderatesCategory,
	type ForumErrorCode
} from './access';
export * from './threads';
export * from './moderation';
export { search, highlight, type SearchHit, type SearchResult, type Segment } from './search';
export { threadRoom } from './live';
export * from './categories';
export { rethrow, failure, rateLimited, mayWrite, mayPreview } from './respond';
export { uploadPostImage, type PostImageDto } from './images';
