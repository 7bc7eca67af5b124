/**
 * Sessions, cookies, passwords and permissions. Exported by name: token hashing, password
 * hashing and login throttling stay inside the domain.
 */
export {
	createSession,
	invalidateMemberSessions,
	invalidateSession,
	listMemberSessions,
	validateSessionToken,
	type SessionInfo,
	type SessionMember
} from './sessions';
export {
	deleteSessionCookie,
	localeCookieName,
	sessionCookieName,
	setLocaleCookie,
	setSessionCookie,
	signIn
} from './cookies';
export { can, isNetworkMember, type Action, type Actor } from './permissions';
export { requireMember, requirePermission } from './guards';
export { attemptLogin } from './login';
export {
	changePassword,
	isPasswordResetTokenValid,
	requestPasswordReset,
	resetPassword
} from './password-reset';
export { isSignInLinkValid, redeemSignInLink, requestSignInLink } from './sign-in-link';
