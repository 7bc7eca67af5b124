import { RateLimiter } from '../realtime/rate-limit';
import { refused } from '../result';

/** Posts and threads per member: a burst of 10, then one every 6 seconds. */
const writes = new RateLimiter(10, 1 / 6);
export const mayWrite = (memberId: string) => writes.take(memberId);
const previews = new RateLimiter(30, 2);
export const mayPreview = (memberId: string) => previews.take(memberId);

/** The answer when a member writes faster than mayWrite allows. */
export const writingTooFast = () => refused('rate_limited', 'forum.errors.rate_limited', 'form');
