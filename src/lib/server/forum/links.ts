/** Posts on one page of a thread. */
export const postsPerPage = 20;

/** The `from` of the page that shows post number n. */
export const pageStart = (n: number) => Math.max(1, n - ((n - 1) % postsPerPage));

/** Where post n of a thread is shown: its page, scrolled to the post. */
export const postLink = (threadId: string, n: number) =>
	`/forum/t/${threadId}?from=${pageStart(n)}#post-${n}`;
