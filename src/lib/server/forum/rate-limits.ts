import * as limits from '../limits';
import { refused } from '../result';

/** Posts and threads per member (limits.ts: forumWrite). */
export const mayWrite = (memberId: string) => limits.take('forumWrite', memberId);
export const mayPreview = (memberId: string) => limits.take('markdownPreview', memberId);

/** The answer when a member writes faster than mayWrite allows. */
export const writingTooFast = () => refused('rate_limited', 'forum.errors.rate_limited', 'form');
