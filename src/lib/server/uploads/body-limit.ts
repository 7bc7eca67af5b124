/**
 * How large a request body may be. The server's own cap (BODY_SIZE_LIMIT, server/index.js) is
 * raised to what uploads need; the routes that take files check the declared length against
 * their own policy (receive.ts) and answer in the form, every other route keeps the former
 * 3 MB (avatars are 2 MB), so a form elsewhere cannot be made to buffer 25 MB.
 */
const uploadRoutes = new Set(['/(app)/workshops/[id=objectid]/materials', '/(app)/forum/images']);
const ordinaryBodyBytes = 3 * 1024 * 1024;

/** True when a request to a route without files declares a body over 3 MB. */
export function declaresTooLargeBody(request: Request, routeId: string | null): boolean {
	if (routeId !== null && uploadRoutes.has(routeId)) return false;
	return Number(request.headers.get('content-length') ?? 0) > ordinaryBodyBytes;
}
