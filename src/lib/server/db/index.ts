/** The connection and its health; models are imported from ./models by the domains. */
export {
	checkDatabase,
	connectDatabase,
	disconnectDatabase,
	isDatabaseConnected,
	isDatabaseUnavailableError,
	livenessProblem
} from './connection';
export { startExpirySweeper } from './expiry';
export { isDuplicateKeyError } from './errors';
export { applyOnce } from './migrations';
