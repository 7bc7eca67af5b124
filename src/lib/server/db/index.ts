export * from './connection';
export * as models from './models';
export { startExpirySweeper, sweepExpired } from './expiry';
export { isDuplicateKeyError } from './errors';
